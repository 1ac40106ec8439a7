package io.clientportal.messaging.examples.portal;

/**
 * The window sizes the chat is tested at: a laptop (three panes), a tablet in landscape (participants in a drawer)
 * and a phone (one pane at a time). {@link #label()} names the size in screenshot files.
 */
enum Screen {

    DESKTOP(1366, 768),
    TABLET(1024, 768),
    PHONE(390, 844);

    private final int width;
    private final int height;

    Screen(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** "1366x768": how screenshots and assertion messages name it. */
    String label() {
        return width + "x" + height;
    }
}
