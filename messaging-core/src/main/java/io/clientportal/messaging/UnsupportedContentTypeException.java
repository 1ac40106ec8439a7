package io.clientportal.messaging;

/** An upload's detected content type is not on the allowlist. Nothing was stored. */
public class UnsupportedContentTypeException extends InvalidInputException {

    private final String detectedType;

    public UnsupportedContentTypeException(String detectedType) {
        super("file", "content type " + detectedType + " is not allowed");
        this.detectedType = detectedType;
    }

    /** The type detected from the bytes. */
    public String detectedType() {
        return detectedType;
    }
}
