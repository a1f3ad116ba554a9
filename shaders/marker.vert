// Round markers for countries too small to see or click (Singapore, Malta, ...): one instance
// per marker, a quad in screen space.
precision highp float;
layout(location = 0) in vec2 a_corner;    // the line quad: x 0..1, y -1..1
layout(location = 1) in vec3 a_marker;    // projected x, y; radius in px
layout(location = 2) in vec4 a_color;
uniform vec2 u_center;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
out vec2 v_local;                         // px from the centre
out float v_radius;
out vec4 v_color;
void main() {
    vec2 c = ((a_marker.xy - u_center) * u_scale + u_offset) * 0.5 * u_viewport;
    v_radius = a_marker.z;
    v_local = vec2(a_corner.x * 2.0 - 1.0, a_corner.y) * (v_radius + 2.0);  // shared line quad: x 0..1
    v_color = a_color;
    gl_Position = vec4((c + v_local) / (0.5 * u_viewport), 0.0, 1.0);
}
