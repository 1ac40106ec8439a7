package io.clientportal.messaging.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code messaging.ui.*} settings: the web components of {@code messaging-ui}, served by the starter as static
 * files (see {@link MessagingUiAutoConfiguration}).
 */
@ConfigurationProperties("messaging.ui")
public class UiProperties {

    /** The path the web components are served under, by default {@code /messaging-ui}. */
    public static final String DEFAULT_PATH = "/messaging-ui";

    /** Whether the starter serves the web components (servlet web applications). */
    private boolean enabled = true;

    /**
     * The path the web components are served under: a page loads {@code <path>/messaging-ui.js}. A plain path of
     * one or more segments (not {@code /}, no wildcards).
     */
    private String path = DEFAULT_PATH;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
