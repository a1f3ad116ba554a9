// Country fill: projected position, country index -> colour from a one-row palette texture.
precision highp float;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_country;
uniform vec2 u_center;   // projected point at the middle of the viewport
uniform vec2 u_scale;
uniform vec2 u_offset;  // clip-space shift: the map is centred on the area a panel leaves free    // projected units -> clip space
uniform sampler2D u_colors;
uniform float u_hover;   // hovered country index, or -1
out vec4 v_color;
void main() {
    gl_Position = vec4((a_pos - u_center) * u_scale + u_offset, 0.0, 1.0);
    vec4 c = texelFetch(u_colors, ivec2(int(a_country + 0.5), 0), 0);
    if (abs(a_country - u_hover) < 0.5) c.rgb = mix(c.rgb, vec3(1.0), 0.35);
    v_color = c;
}
