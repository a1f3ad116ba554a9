// The font atlas holds coverage only (one channel): white with that alpha, times the colour.
precision mediump float;
uniform sampler2D u_atlas;  // texture unit 0, the default: never set
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() { o_color = vec4(v_color.rgb, v_color.a * texture(u_atlas, v_uv).r); }
