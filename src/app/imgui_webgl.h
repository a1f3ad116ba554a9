// imgui_webgl.h — draws Dear ImGui's draw lists (the panels, their text, the map's labels) with
// WebGL 2, in place of ImGui's generic OpenGL backend: its one program is compiled while the
// data is read and its status read once the map's programs are ready (the generic backend
// compiled and checked it inside the first frame, waiting on the GPU process); the font atlas
// is one 8-bit channel; no GL state is saved or restored around it, since the map renderer
// sets all it uses (each read of GL state from the page waits on the GPU process).
//
//   ImGuiWebGL ui;  ui.init();                 // after the context is made: queues the program
//   ui.new_frame();                            // uploads the font atlas when it is new
//   ui.render(ImGui::GetDrawData(), error);    // false with `error` once, when the program failed
//   ui.drop_font();                            // the fonts changed: upload again next frame
//   After a WebGL context loss: ui.forget(); then init() again.
#pragma once
#include <GLES3/gl3.h>

#include <string>

#include "render/gl_util.h"

struct ImDrawData;

namespace techmap {

class ImGuiWebGL {
public:
    void init();
    void new_frame();
    bool render(const ImDrawData* draw, std::string& error);
    void drop_font();
    void forget();

private:
    GLuint program_ = 0, vao_ = 0, vertices_ = 0, indices_ = 0, font_ = 0;
    gl::PendingPrograms pending_;
};

}  // namespace techmap
