// Offers an export's content as a file download. Content arrives as a string (XML, HTML), as bytes
// (Electron's structured clone turns a Buffer into a Uint8Array), or as a JSON-encoded Buffer
// ({type: 'Buffer', data: [...]}) over an HTTP bridge.

function bytesOf(content: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (content instanceof Uint8Array) return new Uint8Array(content);
  const json = content as { type?: unknown; data?: unknown } | null;
  if (json && json.type === 'Buffer' && Array.isArray(json.data))
    return Uint8Array.from(json.data as number[]);
  return undefined;
}

export function blobOf(content: unknown, mediaType: string): Blob {
  const bytes = bytesOf(content);
  return new Blob([bytes ?? String(content)], { type: mediaType });
}

/** Saves `content` under `filename` through a temporary link (the browser's or Electron's download). */
export function downloadFile(filename: string, mediaType: string, content: unknown): void {
  const url = URL.createObjectURL(blobOf(content, mediaType));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download has its own reference by then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
