package io.clientportal.messaging.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Webhook endpoint names as operators' views (observation tags, the status) show them. A name defaults to the
 * endpoint's URL, whose user info, query or fragment may hold a credential: those parts are left out.
 */
final class EndpointNames {

    private EndpointNames() {
    }

    static String shown(String name) {
        try {
            URI uri = new URI(name);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return name;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return name;
        }
    }
}
