/** Image bytes as a back-end can embed them (SVG sources are rasterised by the loader). */
export interface LoadedImage {
  format: 'jpeg' | 'png';
  bytes: Uint8Array;
  width: number;
  height: number;
}

export type ImageLoader = (src: string) => Promise<LoadedImage | null>;
