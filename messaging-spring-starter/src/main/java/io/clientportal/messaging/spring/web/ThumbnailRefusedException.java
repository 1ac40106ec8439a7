package io.clientportal.messaging.spring.web;

import org.springframework.http.HttpStatus;

/**
 * An image attachment that gets no thumbnail: too large to decode safely (a decompression bomb, or merely huge) or
 * not readable as the image its bytes began like. Answered 422 with code {@code image_too_large} or
 * {@code unreadable_image}.
 */
final class ThumbnailRefusedException extends ApiErrorResponseException {

    private ThumbnailRefusedException(String detail, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, detail, reason);
    }

    static ThumbnailRefusedException tooLarge(long pixels, long maxPixels) {
        return new ThumbnailRefusedException("the image has " + pixels + " pixels; thumbnails are made of images of "
                + "at most " + maxPixels, "image_too_large");
    }

    static ThumbnailRefusedException unreadable() {
        return new ThumbnailRefusedException("the attachment can't be read as an image", "unreadable_image");
    }
}
