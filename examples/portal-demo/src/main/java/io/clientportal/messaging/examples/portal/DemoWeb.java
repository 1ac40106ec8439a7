package io.clientportal.messaging.examples.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page's routes, and the address to open, printed once the portal is up. */
@Configuration(proxyBeanMethods = false)
class DemoWeb implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DemoWeb.class);

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            String url = "http://localhost:" + web.getWebServer().getPort() + "/";
            log.info("Portal demo is up");
            // On stdout too, so that it shows when Maven runs quietly.
            System.out.println();
            System.out.println("  Northwind Studio portal demo is running: open " + url);
            System.out.println("  Sign in as olivia (owner), aiden (agent) or alice (client); password: "
                    + DemoPeople.PASSWORD);
            System.out.println();
        }
    }
}
