package io.clientportal.messaging.examples.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.clientportal.messaging.spring.web.MessagingSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The portal's own security: a login form for everything but the login page, its assets and the starter's web
 * components ({@code /messaging-ui/**}). This chain also covers the messaging API under {@code /api/messaging} (a
 * chain of the application's own makes the starter's step back), with the API's rules applied by
 * {@link MessagingSecurityConfigurer}: problem answers, and its own CSRF check after authentication. Pages and API
 * use the same SPA flavour of CSRF protection: the token comes as the {@code XSRF-TOKEN} cookie and goes back in the
 * {@code X-XSRF-TOKEN} header.
 */
@Configuration(proxyBeanMethods = false)
class DemoSecurity {

    /**
     * What the pages may load: their own scripts, styles, images (attachments included) and API calls, nothing
     * inline, no plugins, no framing, forms posting only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        // The chat's package (served by the starter) is the login page's too: its client and helpers.
                        .requestMatchers("/login", "/login.html", "/css/**", "/js/**", "/messaging-ui/**",
                                "/favicon.svg", "/demo/sign-in-options", "/error").permitAll()
                        // The host's directories are for the team's eyes only.
                        .requestMatchers("/demo/team", "/demo/clients").hasRole("TEAM")
                        .anyRequest().authenticated())
                // The login page posts with fetch: answer with a status, not a redirect.
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler((request, response, exception) ->
                                response.sendError(HttpStatus.UNAUTHORIZED.value())))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value())))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("X-Requested-With"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // The pages load their script and styles from files only: an injected inline script never runs.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp
                        .policyDirectives(CONTENT_SECURITY_POLICY)))
                .with(MessagingSecurityConfigurer.messaging(), Customizer.withDefaults());
        return http.build();
    }

    /** The SPA flavour's cookie, sent to this site only (as the starter's own is). */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** The demo's people, all with the password {@value DemoPeople#PASSWORD}; the user name is the messaging id. */
    @Bean
    UserDetailsService demoUsers() {
        return username -> {
            if (!DemoPeople.userNames().contains(username)) {
                throw new UsernameNotFoundException("no such demo user");
            }
            UserDetails user = User.withUsername(username).password("{noop}" + DemoPeople.PASSWORD)
                    .roles(DemoPeople.teamUser(username).isPresent() ? "TEAM" : "CLIENT").build();
            return user;
        };
    }

    /** Loads the deferred CSRF token on every request, so that its cookie is there for the page's first POST. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
