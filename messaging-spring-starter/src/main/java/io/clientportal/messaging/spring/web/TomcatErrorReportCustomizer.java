package io.clientportal.messaging.spring.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts a {@link ProblemErrorReportValve} in the place of the host's error report valve, keeping its settings (Boot
 * installs one that shows neither the report nor the server), so that what Tomcat refuses under the messaging base
 * path is a problem detail and everything else is reported as before.
 */
final class TomcatErrorReportCustomizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>,
        Ordered {

    private final String basePath;
    private final ProblemWriter problems;

    TomcatErrorReportCustomizer(String basePath, ProblemWriter problems) {
        this.basePath = basePath;
        this.problems = problems;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            ProblemErrorReportValve valve = new ProblemErrorReportValve(context.getPath() + basePath, problems);
            for (Valve existing : pipeline.getValves()) {
                if (existing instanceof ErrorReportValve report) {
                    valve.setShowReport(report.isShowReport());
                    valve.setShowServerInfo(report.isShowServerInfo());
                    pipeline.removeValve(existing);
                }
            }
            pipeline.addValve(valve);
            if (host instanceof StandardHost standard) {
                // Else the host adds its default valve on start, finding none of the class it is told of.
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** After Boot's own Tomcat customizer (order 0), whose valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
