#include "app/imgui_webgl.h"

#include <cstddef>
#include <cstdint>
#include <imgui.h>

#include "shaders.h"

namespace techmap {

void ImGuiWebGL::init() {
    const gl::ProgramSource source{shader_ui_vert, shader_ui_frag};
    gl::start_programs(&source, 1, pending_);
    program_ = pending_.programs[0];
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "techmap_imgui_webgl";
}

void ImGuiWebGL::new_frame() {
    if (font_ != 0 || vao_ == 0) return;
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // builds the atlas when the fonts changed
    glGenTextures(1, &font_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, font_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    io.Fonts->SetTexID(ImTextureID(intptr_t(font_)));
}

void ImGuiWebGL::drop_font() {
    if (font_ != 0) glDeleteTextures(1, &font_);
    font_ = 0;
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(nullptr));
}

bool ImGuiWebGL::render(const ImDrawData* draw, std::string& error) {
    if (pending_.pending() && !gl::finish_programs(pending_, error)) {  // (the map's wait covered its compile)
        program_ = 0;
        return false;  // said once: later frames show the map alone
    }
    if (program_ == 0 || draw == nullptr) return true;
    const ImVec2 scale = draw->FramebufferScale;
    const int fb_w = int(draw->DisplaySize.x * scale.x), fb_h = int(draw->DisplaySize.y * scale.y);
    if (fb_w <= 0 || fb_h <= 0 || draw->CmdListsCount == 0) return true;

    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    // CSS pixels (from DisplayPos) to clip space, y down
    const ImVec2 pos = draw->DisplayPos, size = draw->DisplaySize;
    glVertexAttrib4f(3, 2.0f / size.x, -2.0f / size.y, -1.0f - 2.0f * pos.x / size.x, 1.0f + 2.0f * pos.y / size.y);

    GLuint bound = 0;
    for (int n = 0; n < draw->CmdListsCount; ++n) {
        const ImDrawList* list = draw->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)), list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {  // the UI sets none but ImGui's own reset
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(GLint(x0), GLint(float(fb_h) - y1), GLsizei(x1 - x0), GLsizei(y1 - y0));
            const GLuint tex = GLuint(intptr_t(cmd.GetTexID()));
            if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
            // (VtxOffset is always 0: WebGL 2 has no base vertex, so ImGui splits big lists)
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(intptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // the map's clear of the next frame covers the whole canvas
    glBindVertexArray(0);
    return true;
}

void ImGuiWebGL::forget() {
    program_ = vao_ = vertices_ = indices_ = font_ = 0;
    pending_ = {};
    ImGui::GetIO().Fonts->SetTexID(ImTextureID(nullptr));
}

}  // namespace techmap
