/**
 * The static-picture renderer, the program of a worker thread. It is typed
 * here and shipped as the text of its functions (`Function.prototype.toString`,
 * see `RENDERER_SOURCE`), so the package has no separate worker file to
 * resolve. Each function below may use only its parameters and globals: the
 * worker sees nothing of this module's scope.
 */

// The build has no Node types (the core must not need them), so the few used here are spelled out.

/** The end of a MessageChannel that the worker reads requests from and answers on. */
export interface RendererPort {
  postMessage(message: PictureReply): void;
  on(event: 'message', listener: (request: PictureRequest) => void): void;
}

/** What the renderer starts with, as `workerData`. */
export interface RendererData {
  /** Set to 1, and notified, when a reply is posted: the main thread waits on it. */
  readonly signal: Int32Array;
  readonly port: RendererPort;
  /** The resolved paths of playwright-core and of plotly.js-dist-min's script, and Chromium's. */
  readonly playwright: string;
  readonly plotly: string;
  readonly executablePath: string;
  /** The most base64 characters a picture may take, and the fewest colours it is cut down to. */
  readonly budget: number;
  readonly minColours: number;
}

/** One picture to draw: the figure at its layout size, scaled to the pixel size. */
export interface PictureRequest {
  readonly figure: { readonly data: unknown; readonly layout: unknown };
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/** The renderer's answer: the base64 PNG, or the first line of what went wrong. */
export interface PictureReply {
  png?: string;
  error?: string;
}

/** node:zlib, as far as the encoder uses it. */
export interface Zlib {
  deflateSync(data: Uint8Array, options: { level: number }): Uint8Array;
  crc32(data: Uint8Array): number;
}

interface Timer {
  unref(): void;
}
interface Timers {
  setTimeout(callback: () => void, milliseconds: number): Timer;
  clearTimeout(timer: Timer | undefined): void;
}

interface BrowserPage {
  addScriptTag(options: { path: string }): Promise<unknown>;
  evaluate<A, R>(inPage: (argument: A) => Promise<R>, argument: A): Promise<R>;
}

interface Browser {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

interface Playwright {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
}

interface NodeBuffer {
  from(data: Uint8Array): { toString(encoding: 'base64'): string };
  from(text: string, encoding: 'base64'): Uint8Array;
}

/** The page's globals the drawing uses (the build has no DOM types either). */
interface PictureCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(image: unknown, x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}
interface PageGlobals {
  Plotly: { toImage(figure: unknown, options: { format: 'png'; width: number; height: number; scale: number }): Promise<string> };
  Image: new () => { src: string; decode(): Promise<void> };
  document: { createElement(tag: 'canvas'): PictureCanvas };
  btoa(text: string): string;
}

/**
 * An indexed PNG (colour type 3) of at most `colours` colours: the most
 * frequent ones, every other pixel taking the nearest. A line chart is a few
 * flat colours plus their anti-aliased edges, so this keeps the look at about
 * a third of the bytes of Chromium's RGBA PNG.
 *
 * Written here rather than taken from a package: pngjs writes no indexed
 * PNG, and fast-png (which does) deflates with fflate, whose bytes differ
 * from zlib's, so every picture stored in the notebooks and the site would
 * change; this is 50 lines on node:zlib, which the worker has anyway.
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number, colours: number, zlib: Zlib): Uint8Array {
  const counts = new Map<number, number>();
  for (let index = 0; index < rgba.length; index += 4) {
    const key = (rgba[index]! << 16) | (rgba[index + 1]! << 8) | rgba[index + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, colours)
    .map(([key]) => key);
  const slot = new Map(palette.map((key, index) => [key, index]));
  const nearest = (key: number): number => {
    let best = 0;
    let distance = Infinity;
    palette.forEach((candidate, index) => {
      const red = (key >> 16) - (candidate >> 16);
      const green = ((key >> 8) & 255) - ((candidate >> 8) & 255);
      const blue = (key & 255) - (candidate & 255);
      const squared = red * red + green * green + blue * blue;
      if (squared < distance) [best, distance] = [index, squared];
    });
    slot.set(key, best);
    return best;
  };
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = (y * width + x) * 4;
      const key = (rgba[index]! << 16) | (rgba[index + 1]! << 8) | rgba[index + 2]!;
      rows[y * (width + 1) + 1 + x] = slot.get(key) ?? nearest(key);
    }
  }
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const bytes = new Uint8Array(12 + data.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, data.length);
    for (let index = 0; index < 4; index++) bytes[4 + index] = type.charCodeAt(index);
    bytes.set(data, 8);
    view.setUint32(8 + data.length, zlib.crc32(bytes.subarray(4, 8 + data.length)));
    return bytes;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8);
  const paletteBytes = new Uint8Array(palette.flatMap((key) => [key >> 16, (key >> 8) & 255, key & 255]));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', paletteBytes),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  parts.reduce((at, part) => (png.set(part, at), at + part.length), 0);
  return png;
}

/**
 * The worker's program: it keeps one headless Chromium page with plotly.js
 * loaded, draws each figure with `Plotly.toImage`, and wakes the waiting main
 * thread through the shared signal. The browser closes after a minute without
 * a request; it is started with a pipe, so it also ends with the process.
 *
 * @param require - The worker's CommonJS `require`.
 * @param encode - `indexedPng`, passed in as the worker has no imports.
 */
export function runPictureRenderer(require: (id: string) => unknown, encode: typeof indexedPng): void {
  const { workerData } = require('node:worker_threads') as { workerData: RendererData };
  const zlib = require('node:zlib') as Zlib;
  const { Buffer } = require('node:buffer') as { Buffer: NodeBuffer };
  const { setTimeout, clearTimeout } = globalThis as unknown as Timers;
  const { signal, port, playwright, plotly, executablePath, budget, minColours } = workerData;
  let opening: Promise<{ browser: Browser; page: BrowserPage }> | undefined;
  let idle: Timer | undefined;
  const page = (): Promise<{ browser: Browser; page: BrowserPage }> => {
    opening ??= (async () => {
      const browser = await (require(playwright) as Playwright).chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const opened = await browser.newPage();
      await opened.addScriptTag({ path: plotly });
      return { browser, page: opened };
    })();
    return opening;
  };
  // The pixels plotly.js draws, as base64 RGBA.
  const pixels = async (request: PictureRequest): Promise<string> => {
    const { page: drawing } = await page();
    return drawing.evaluate(async (inPage: PictureRequest) => {
      const { Plotly, Image, document, btoa } = globalThis as unknown as PageGlobals;
      const image = new Image();
      image.src = await Plotly.toImage(inPage.figure, { format: 'png', width: inPage.width, height: inPage.height, scale: inPage.scale });
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = inPage.pixelWidth;
      canvas.height = inPage.pixelHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, inPage.pixelWidth, inPage.pixelHeight);
      const bytes = context.getImageData(0, 0, inPage.pixelWidth, inPage.pixelHeight).data;
      let text = '';
      for (let index = 0; index < bytes.length; index += 32768) {
        text += String.fromCharCode(...bytes.subarray(index, index + 32768));
      }
      return btoa(text);
    }, request);
  };
  const draw = async (request: PictureRequest): Promise<PictureReply> => {
    try {
      const rgba = Buffer.from(await pixels(request), 'base64');
      // Translucent curves blend into thousands of colours (notebook 04's 32
      // slopes: about 5,000); fewer palette colours lose only the faintest blends.
      let png = '';
      for (let colours = 256; colours >= minColours; colours /= 2) {
        png = Buffer.from(encode(rgba, request.pixelWidth, request.pixelHeight, colours, zlib)).toString('base64');
        if (png.length <= budget) break;
      }
      return { png };
    } catch (error) {
      opening = undefined;
      return { error: String((error as { message?: unknown } | undefined)?.message || error).split('\n')[0]! };
    }
  };
  port.on('message', (request) => {
    clearTimeout(idle);
    // draw() catches every failure into its reply, so this promise never rejects.
    void draw(request).then((reply) => {
      idle = setTimeout(() => {
        const open = opening;
        opening = undefined;
        void open?.then(({ browser }) => browser.close()).catch(() => {});
      }, 60_000);
      idle.unref();
      port.postMessage(reply);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
}

/** The worker's source: the two functions above, as text, and the call that starts it. */
export const RENDERER_SOURCE = `${indexedPng.toString()}\n(${runPictureRenderer.toString()})(require, indexedPng);\n`;
