// Anti-aliased lines of constant pixel width (borders, supply arcs): one instance per segment,
// a unit quad extruded in screen space; per-instance width, colour and position along its arc.
precision highp float;
layout(location = 0) in vec2 a_corner;    // x: 0 at a, 1 at b; y: -1 / +1 across
layout(location = 1) in vec4 a_segment;   // a.xy, b.xy in projected units
layout(location = 2) in vec4 a_color;     // straight alpha
layout(location = 3) in vec3 a_style;     // width in px, t at a, t at b (0..1 along an arc)
uniform vec2 u_center;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;                  // framebuffer size in pixels
uniform float u_gradient;                 // 1: pale at the source, full colour at the destination
out vec4 v_color;
out float v_across;                       // signed distance from the centre line, px
out float v_half;                         // half width, px
void main() {
    vec2 a = ((a_segment.xy - u_center) * u_scale + u_offset) * 0.5 * u_viewport;
    vec2 b = ((a_segment.zw - u_center) * u_scale + u_offset) * 0.5 * u_viewport;
    vec2 d = b - a;
    float len = max(length(d), 1e-4);
    vec2 n = vec2(-d.y, d.x) / len;
    v_half = 0.5 * a_style.x;
    float reach = v_half + 1.0;           // one more pixel for the anti-aliased edge
    vec2 along = d / len * (a_corner.x * 2.0 - 1.0) * 0.5;  // half a pixel of overlap at joints
    vec2 p = mix(a, b, a_corner.x) + n * a_corner.y * reach + along;
    v_across = a_corner.y * reach;
    float t = mix(a_style.y, a_style.z, a_corner.x);
    // opaque: overlapping segment ends must not show as darker bands
    v_color = vec4(mix(a_color.rgb, mix(vec3(1.0), a_color.rgb, 0.3 + 0.7 * t), u_gradient), a_color.a);
    gl_Position = vec4(p / (0.5 * u_viewport), 0.0, 1.0);
}
