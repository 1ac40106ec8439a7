package io.clientportal.messaging.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the API ({@link MessagingOpenApi#document()}), with its
 * {@code servers} naming this application's context and base path, so tools and generated clients call the right
 * paths whatever {@code messaging.web.base-path} is.
 */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class OpenApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String basePath;

    OpenApiController(String basePath) {
        this.basePath = basePath;
    }

    @GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> document(HttpServletRequest request) {
        ObjectNode document = MessagingOpenApi.document(request.getContextPath() + basePath);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(document));
    }
}
