package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.AttachmentContent;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.model.Attachment;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Uploads (multipart part {@code file}), downloads and thumbnails. Downloads are never rendered by the browser: they
 * are served as attachments, with {@code nosniff} and a sandboxing content security policy, in the type detected from
 * the bytes at upload. Thumbnails are images the library made itself, so they are shown inline (with the same
 * headers besides).
 */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}/attachments")
final class AttachmentController {

    static final String SANDBOX_CSP = "default-src 'none'; sandbox";

    private final MessagingRateLimits rateLimits;
    private final Thumbnails thumbnails = new Thumbnails();

    AttachmentController(MessagingRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @PostMapping
    ResponseEntity<Attachment> upload(Messaging messaging, Actor actor, @RequestPart("file") List<MultipartFile> files)
            throws IOException {
        if (files.size() != 1) {
            // Storing the first and dropping the rest would answer 201 for an upload that did not happen.
            throw new InvalidInputException("file", "send one file per upload (got " + files.size() + ")");
        }
        MultipartFile file = files.get(0);
        rateLimits.upload(messaging, actor);
        try (InputStream content = file.getInputStream()) {
            Attachment attachment = messaging.attachments()
                    .upload(actor, file.getOriginalFilename(), file.getContentType(), content);
            return ResponseEntity.status(HttpStatus.CREATED).body(attachment);
        }
    }

    @GetMapping("/{id}")
    void download(Messaging messaging, Actor actor,
                  @PathVariable String id, HttpServletResponse response) throws IOException {
        try (AttachmentContent content = messaging.attachments().open(actor, PathIds.attachment(id))) {
            Attachment attachment = content.attachment();
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(attachment.contentType());
            response.setContentLengthLong(attachment.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDispositionHeader.attachment(attachment.filename()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", SANDBOX_CSP);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            content.stream().transferTo(response.getOutputStream());
        }
    }

    /**
     * A PNG, JPEG or GIF attachment's thumbnail ({@link Thumbnails}), authorised as the download (404 for what the
     * caller may not see, and for other types), shown inline but with the download's other safety headers.
     */
    @GetMapping("/{id}/thumbnail")
    void thumbnail(Messaging messaging, Actor actor,
                   @PathVariable String id, HttpServletResponse response) throws IOException {
        try (AttachmentContent content = messaging.attachments().open(actor, PathIds.attachment(id))) {
            Attachment attachment = content.attachment();
            if (!Thumbnails.supports(attachment.contentType())) {
                throw new NotFoundException("attachment " + id + " has no thumbnail: it is not a PNG, JPEG or GIF");
            }
            Thumbnails.Thumbnail thumbnail = thumbnails.of(attachment, content.stream());
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(thumbnail.contentType());
            response.setContentLength(thumbnail.bytes().length);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDispositionHeader.inline(thumbnailName(attachment.filename(), thumbnail.contentType())));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", SANDBOX_CSP);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private");
            response.getOutputStream().write(thumbnail.bytes());
        }
    }

    /** The attachment's name with the thumbnail's extension ({@code photo.gif} -> {@code photo.png}). */
    private static String thumbnailName(String filename, String contentType) {
        String name = filename == null || filename.isBlank() ? "thumbnail" : filename;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem + (contentType.equals("image/png") ? ".png" : ".jpg");
    }
}
