/** File names of images that content may reference and that Astro may publish. */
export const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
