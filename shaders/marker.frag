precision mediump float;
in vec2 v_local;
in float v_radius;
in vec4 v_color;
out vec4 o_color;
void main() {
    float d = length(v_local);
    float fill = clamp(v_radius - 1.0 - d + 0.5, 0.0, 1.0);     // inside the outline
    float edge = clamp(v_radius + 0.5 - d, 0.0, 1.0);           // the whole disc
    vec3 outline = vec3(0.15, 0.17, 0.2);
    o_color = vec4(mix(outline, v_color.rgb, fill), edge * max(v_color.a, 0.9));
}
