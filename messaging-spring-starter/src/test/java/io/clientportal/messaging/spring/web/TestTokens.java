package io.clientportal.messaging.spring.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** An issuer of the tests' own: a fresh RSA key that signs JWTs, and a decoder that trusts only it and its issuer. */
final class TestTokens {

    final String issuer;
    private final RSAKey key;

    TestTokens(String issuer) {
        this.issuer = issuer;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code subject}, valid for five minutes, with {@code claims} besides. */
    String token(String subject, Map<String, Object> claims) {
        return sign(issuer, subject, claims, Instant.now().plus(Duration.ofMinutes(5)));
    }

    String token(String subject) {
        return token(subject, Map.of());
    }

    /** A token that expired an hour ago (beyond any clock skew allowance). */
    String expired(String subject) {
        return sign(issuer, subject, Map.of(), Instant.now().minus(Duration.ofHours(1)));
    }

    /** A token signed with this key but naming another issuer. */
    String fromIssuer(String otherIssuer, String subject) {
        return sign(otherIssuer, subject, Map.of(), Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A decoder that checks the signature against this key, the expiry and the issuer. */
    JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK set document. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private String sign(String iss, String subject, Map<String, Object> claims, Instant expiresAt) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(iss).subject(subject)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiresAt));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
