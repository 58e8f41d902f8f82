import "server-only";
import { Readable } from "node:stream";
import Busboy from "busboy";
import { AppError } from "@/lib/errors";
import { CallDataError } from "./errors";
import { discardUpload, maxUploadBytes, receiveUpload, tooLarge } from "./uploads";

/**
 * Reads a multipart/form-data request with one file part ("file") and an
 * optional JSON part ("mapping"), streaming the file into a temporary upload.
 */
export async function receiveMultipart(workspaceId: string, req: Request): Promise<{ uploadId: string; fileName: string; options: unknown }> {
  if (!req.body) throw new CallDataError("empty_file", "The request has no file.");
  const headers = Object.fromEntries(req.headers.entries());
  const bb = Busboy({ headers, limits: { files: 1, fields: 5, fieldSize: 1024 * 1024, fileSize: maxUploadBytes() } });
  let upload: Promise<{ uploadId: string }> | null = null;
  let fileName = "upload.csv";
  let mappingText: string | null = null;
  let truncated = false;
  const done = new Promise<void>((resolve, reject) => {
    bb.on("file", (name, stream, info) => {
      if (name !== "file" || upload) {
        stream.resume();
        return;
      }
      fileName = (info.filename || "upload.csv").slice(0, 255);
      stream.on("limit", () => (truncated = true));
      upload = receiveUpload(workspaceId, stream);
      upload.catch(() => undefined);
    });
    bb.on("field", (name, value) => {
      if (name === "mapping" || name === "options") mappingText = value;
    });
    bb.on("error", (e) => reject(new AppError("bad_request", `The upload could not be read: ${(e as Error).message}`)));
    bb.on("close", () => resolve());
  });
  Readable.fromWeb(req.body as import("node:stream/web").ReadableStream).pipe(bb);
  await done;
  if (!upload) throw new AppError("bad_request", 'Send the CAD export as a multipart part named "file".');
  const { uploadId } = await (upload as Promise<{ uploadId: string }>);
  if (truncated) {
    await discardUpload(workspaceId, uploadId);
    throw tooLarge();
  }
  let options: unknown = {};
  if (mappingText) {
    try {
      options = JSON.parse(mappingText);
    } catch {
      await discardUpload(workspaceId, uploadId);
      throw new AppError("bad_request", 'The "mapping" part is not valid JSON.');
    }
  }
  return { uploadId, fileName, options };
}
