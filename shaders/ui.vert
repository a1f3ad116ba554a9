// Dear ImGui's triangles (panels, text, the map's labels): screen position in CSS pixels, the
// font atlas coordinate and a colour per vertex.
precision highp float;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
// CSS pixels -> clip space: xy scale, zw offset. A constant attribute set per draw, not a
// uniform: nothing needs to be looked up in the program before the first frame
layout(location = 3) in vec4 a_to_clip;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4(a_pos * a_to_clip.xy + a_to_clip.zw, 0.0, 1.0);
}
