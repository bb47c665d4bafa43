package org.audiu.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an upload: the rate limit, the size by {@code Content-Length} before anything is read, a slot,
 * then the body (raw, or the files of a multipart form) read into memory with the size counted, then the response.
 * Logs no part of an upload: an unexpected failure is logged by its exception class only.
 */
final class UploadHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);

    private UploadHandler() {
    }

    static void handle(Context ctx, UploadApi uploads, ObjectMapper mapper) {
        UploadLimits limits = uploads.limits();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxBytes()) {
            ctx.header("Connection", "close");
            if (declared <= 2 * limits.maxBytes()) {
                // A body a little over the limit is read away (nothing of it kept) before the answer, so a client
                // still sending reads the 413 instead of a reset connection; a larger one is cut off at once.
                drain(ctx, declared);
            }
            throw tooLarge(limits);
        }
        UploadApi.Request request;
        try {
            request = uploads.request(ctx.queryParamMap());
            uploads.gate().admit(ctx.ip());
        } catch (WebApiException e) {
            // Refused before the body was read: read it away (it is within the size limit), so the client, still
            // sending, gets the answer instead of a reset connection.
            drain(ctx, limits.maxBytes());
            throw e;
        }
        UploadApi.Reply reply;
        try (UploadGate.Slot slot = uploads.gate().enter()) {
            List<UploadFiles.Part> parts = read(ctx, limits);
            reply = uploads.upload(request, parts);
        } catch (WebApiException | org.audiu.core.AudiuException e) {
            throw e;
        } catch (RuntimeException e) {
            // The message may quote the upload: log the class only.
            LOG.error("An upload failed with {} (details withheld: uploads are never logged)", e.getClass().getName());
            throw new WebApiException(500, "The upload could not be processed (an internal error; nothing of it was "
                    + "kept).", Map.of());
        }
        if (reply.json() != null) {
            WebServer.json(ctx, mapper, 200, reply.json());
        } else {
            ctx.status(200);
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Disposition", "attachment; filename=\"" + reply.fileName() + "\"");
            ctx.contentType(reply.mediaType());
            ctx.result(reply.bytes());
        }
    }

    private static void drain(Context ctx, long max) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = max;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private static WebApiException tooLarge(UploadLimits limits) {
        return new WebApiException(413, "The upload is larger than " + limits.maxBytes() / UploadLimits.MB + " MB "
                + "(limit upload-size, --upload-max-mb). Spotify's account-data zip is a few MB; for the extended "
                + "history, upload its Streaming_History_Audio_*.json files.", Map.of("limit", "upload-size",
                "maxMb", limits.maxBytes() / UploadLimits.MB));
    }

    private static List<UploadFiles.Part> read(Context ctx, UploadLimits limits) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        List<UploadFiles.Part> parts = new ArrayList<>();
        try {
            if (type.startsWith("multipart/form-data")) {
                List<UploadedFile> files;
                try {
                    files = ctx.uploadedFiles();
                } catch (RuntimeException e) {
                    if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size")
                            || e.getCause() != null && String.valueOf(e.getCause().getMessage())
                            .toLowerCase(Locale.ROOT).contains("size")) {
                        throw tooLarge(limits);
                    }
                    throw WebApiException.badRequest("The multipart form cannot be read: send the export's files "
                            + "as files of a multipart/form-data form, or the zip as the request body.",
                            Map.of("limit", "format"));
                }
                long total = 0;
                for (UploadedFile f : files) {
                    try (InputStream in = f.content()) {
                        byte[] b = readLimited(in, limits.maxBytes() - total, limits);
                        total += b.length;
                        parts.add(new UploadFiles.Part(Optional.ofNullable(f.filename()), b));
                    }
                }
            } else {
                try (InputStream in = ctx.req().getInputStream()) {
                    byte[] b = readLimited(in, limits.maxBytes(), limits);
                    if (b.length > 0) {
                        parts.add(new UploadFiles.Part(Optional.empty(), b));
                    }
                }
            }
        } catch (IOException e) {
            throw WebApiException.badRequest("The upload was cut off before its end (" + e.getClass().getSimpleName()
                    + "); send it again.", Map.of("limit", "format"));
        }
        return parts;
    }

    private static byte[] readLimited(InputStream in, long max, UploadLimits limits) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        if (b.length > max) {
            throw tooLarge(limits);
        }
        return b;
    }
}
