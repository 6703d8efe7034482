#!/usr/bin/env node
// Draws the app icon (assets/icon.png, 512x512 RGBA) without any image library: a blue rounded
// square, a white envelope and a green check badge, anti-aliased by 4x4 supersampling. electron-builder
// turns it into .ico/.icns; the Linux window uses it as is. Run again after changing the drawing:
//   node scripts/make-icon.js [OUT]

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const OUT = process.argv[2] ?? path.resolve(import.meta.dirname, '..', 'assets', 'icon.png');

const BLUE_TOP = [37, 99, 235];
const BLUE_BOTTOM = [29, 64, 175];
const WHITE = [255, 255, 255];
const FLAP = [191, 211, 250];
const GREEN = [22, 163, 74];

function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function nearSegment(x, y, [ax, ay], [bx, by], halfWidth) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= halfWidth ** 2;
}

const ENVELOPE = { left: 116, top: 150, right: 396, bottom: 340 };
const BADGE = { x: 370, y: 344, radius: 74 };

/** The colour at a point, or null where the icon is transparent. Layers from back to front. */
function colourAt(x, y) {
  if (!roundedRect(x, y, 40, 40, 472, 472, 104)) return null;
  const t = (y - 40) / 432;
  let colour = BLUE_TOP.map((top, i) => top + (BLUE_BOTTOM[i] - top) * t);
  const { left, top, right, bottom } = ENVELOPE;
  if (roundedRect(x, y, left, top, right, bottom, 18)) {
    colour = WHITE;
    const middle = [(left + right) / 2, top + 112];
    if (
      nearSegment(x, y, [left + 14, top + 14], middle, 9) ||
      nearSegment(x, y, [right - 14, top + 14], middle, 9)
    ) {
      colour = FLAP;
    }
  }
  const distance = Math.hypot(x - BADGE.x, y - BADGE.y);
  if (distance <= BADGE.radius + 10) colour = BLUE_BOTTOM;
  if (distance <= BADGE.radius) {
    colour = GREEN;
    const a = [BADGE.x - 36, BADGE.y + 2];
    const b = [BADGE.x - 10, BADGE.y + 28];
    const c = [BADGE.x + 38, BADGE.y - 26];
    if (nearSegment(x, y, a, b, 11) || nearSegment(x, y, b, c, 11)) colour = WHITE;
  }
  return colour;
}

function pixels() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    rows[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3] += 1;
        }
      }
      const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
      const covered = sum[3];
      for (let i = 0; i < 3; i++) rows[offset + i] = covered ? Math.round(sum[i] / covered) : 0;
      rows[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(OUT, png);
console.log(`wrote ${OUT} (${png.length} bytes)`);
