package io.clientportal.messaging.spring.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientportal.messaging.model.Attachment;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Thumbnails of image attachments (PNG, JPEG, GIF's first frame), scaled to fit {@value #MAX_SIDE} pixels square,
 * never enlarged. The image's dimensions are read from its header before anything is decoded, and an image of more
 * than {@link #MAX_PIXELS} pixels is refused: a small file can claim a huge image (a decompression bomb). Large
 * images are decoded subsampled, so no more than about twice the thumbnail's pixels are ever held. Nothing touches
 * the disk (ImageIO's own stream caches would); the thumbnails made are kept in memory, bounded by their bytes, under
 * the attachment's SHA-256 (the caller is authorised before the cache is asked).
 */
final class Thumbnails {

    /** The longest side of a thumbnail. */
    static final int MAX_SIDE = 320;

    /** The largest image thumbnailed, in pixels (40 megapixels). */
    static final long MAX_PIXELS = 40_000_000L;

    /** What the thumbnails kept may weigh in all. */
    private static final long CACHE_BYTES = 16L * 1024 * 1024;

    /** The types thumbnailed, and the format each thumbnail is written in (PNG keeps transparency). */
    private static final Map<String, String> FORMATS = Map.of("image/png", "png", "image/gif", "png",
            "image/jpeg", "jpeg");

    private static final float JPEG_QUALITY = 0.85f;

    /** A thumbnail's bytes and their type. */
    record Thumbnail(byte[] bytes, String contentType) {
    }

    private final Cache<String, Thumbnail> made = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String key, Thumbnail thumbnail) -> thumbnail.bytes().length)
            .build();

    /** Decoding takes a core's worth of work; more at once than there are cores only queues in memory. */
    private final Semaphore decoding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** Whether attachments of this (detected) type get thumbnails. */
    static boolean supports(String contentType) {
        return FORMATS.containsKey(contentType);
    }

    /**
     * The thumbnail of an attachment the caller may see, from its bytes.
     *
     * @throws ThumbnailRefusedException when the image is too large or can't be read
     */
    Thumbnail of(Attachment attachment, InputStream content) {
        String key = attachment.sha256() + ' ' + attachment.contentType();
        Thumbnail cached = made.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Thumbnail thumbnail = make(attachment.contentType(), content);
        made.put(key, thumbnail);
        return thumbnail;
    }

    private Thumbnail make(String contentType, InputStream content) {
        String format = FORMATS.get(contentType);
        decoding.acquireUninterruptibly();
        try (ImageInputStream input = new MemoryCacheImageInputStream(content)) {
            BufferedImage image = scaled(contentType, input, !"jpeg".equals(format));
            return new Thumbnail(encode(image, format), "png".equals(format) ? "image/png" : "image/jpeg");
        } catch (ThumbnailRefusedException refused) {
            throw refused;
        } catch (IOException | RuntimeException unreadable) {
            // Bytes that began like the image type but are not one (truncated, forged, an unsupported variant).
            throw ThumbnailRefusedException.unreadable();
        } finally {
            decoding.release();
        }
    }

    private static BufferedImage scaled(String contentType, ImageInputStream input, boolean alpha)
            throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            throw ThumbnailRefusedException.unreadable();
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(input, true, true);
            // From the header only: nothing is decoded before the size is known to be safe.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw ThumbnailRefusedException.unreadable();
            }
            long pixels = (long) width * height;
            if (pixels > MAX_PIXELS) {
                throw ThumbnailRefusedException.tooLarge(pixels, MAX_PIXELS);
            }
            double scale = Math.min(1.0, Math.min((double) MAX_SIDE / width, (double) MAX_SIDE / height));
            int targetWidth = Math.max(1, (int) Math.round(width * scale));
            int targetHeight = Math.max(1, (int) Math.round(height * scale));
            // Decoded at no less than twice the thumbnail's size, then scaled smoothly.
            int step = Math.max(1, Math.min(width / (2 * targetWidth), height / (2 * targetHeight)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage source = reader.read(0, param);
            BufferedImage target = new BufferedImage(targetWidth, targetHeight,
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = target.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (!alpha) {
                    graphics.setColor(Color.WHITE);
                    graphics.fillRect(0, 0, targetWidth, targetHeight);
                }
                graphics.drawImage(source, 0, 0, targetWidth, targetHeight, null);
            } finally {
                graphics.dispose();
            }
            return target;
        } finally {
            reader.dispose();
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
