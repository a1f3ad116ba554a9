// Borders and the world outline: projected position, one colour for the whole draw.
precision highp float;
layout(location = 0) in vec2 a_pos;
uniform vec2 u_center;
uniform vec2 u_scale;
uniform vec2 u_offset;  // clip-space shift: the map is centred on the area a panel leaves free
void main() { gl_Position = vec4((a_pos - u_center) * u_scale + u_offset, 0.0, 1.0); }
