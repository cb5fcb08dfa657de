package io.mediaflow.platform.security;

import io.mediaflow.platform.MediaflowProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but the public paths needs {@code Authorization: Bearer <JWT>}: HS256 with the
 * configured secret and nothing else (so {@code alg: none} and RS/ES tokens are refused), {@code exp}
 * enforced, {@code sub} the user, {@code roles} their roles ({@code ROLE_admin} for admins).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  @Bean
  public JwtDecoder jwtDecoder(MediaflowProperties props) {
    SecretKeySpec key =
        new SecretKeySpec(props.jwt().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    // every request of a client carries the same token: verify it once, not per request
    return new CachingJwtDecoder(
        NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(),
        4096, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /**
   * No Micrometer observations of Spring Security's own work: they time each filter of the chain,
   * and the authentication and authorization, of every request (twice for an async request), and
   * were a large share of api-gateway's CPU per read (JFR, issue #8). Requests are still timed as a
   * whole ({@code http.server.requests}), with their status.
   */
  @Bean
  public SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  public JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  /**
   * Cross-origin access for the configured origins only, with the headers tus clients send and read
   * (the player on :8080 uploads to the ingest gateway on :8081). Preflights need no token.
   */
  @Bean
  public CorsConfigurationSource corsConfigurationSource(MediaflowProperties props) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins = props.security().corsAllowedOrigins();
    if (!origins.isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOrigins(origins);
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"));
      cors.setAllowedHeaders(
          List.of(
              "Authorization", "Content-Type", "Tus-Resumable", "Upload-Length", "Upload-Metadata",
              "Upload-Offset", "Upload-Checksum", "Upload-Defer-Length", "Upload-Concat",
              "X-HTTP-Method-Override", "X-Requested-With", "X-Chunk-SHA256"));
      cors.setExposedHeaders(
          List.of(
              "Location", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size",
              "Tus-Checksum-Algorithm", "Upload-Offset", "Upload-Length", "Upload-Expires",
              "Upload-Metadata"));
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    return source;
  }

  @Bean
  public SecurityFilterChain mediaflowSecurity(
      HttpSecurity http, MediaflowProperties props, JwtDecoder decoder,
      JwtAuthenticationConverter converter) throws Exception {
    String[] publicPaths = props.security().publicPaths().toArray(String[]::new);
    http.csrf(csrf -> csrf.disable())
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth -> auth.requestMatchers(publicPaths).permitAll().anyRequest().authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(
                        (req, res, e) ->
                            JsonErrors.write(
                                res,
                                401,
                                "UNAUTHORIZED",
                                "A valid bearer token is required: " + e.getMessage()))
                    .accessDeniedHandler(
                        (req, res, e) ->
                            JsonErrors.write(
                                res, 403, "FORBIDDEN", "You are not allowed to do this.")))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (req, res, e) ->
                            JsonErrors.write(
                                res,
                                401,
                                "UNAUTHORIZED",
                                "Send Authorization: Bearer <token> (./mediaflow token <user>)."))
                    .accessDeniedHandler(
                        (req, res, e) ->
                            JsonErrors.write(
                                res, 403, "FORBIDDEN", "You are not allowed to do this.")));
    return http.build();
  }
}
