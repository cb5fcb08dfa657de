package io.mediaflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTokensTest {

  @Test
  void adminTokenCarriesSubjectRolesAndExpiry() throws Exception {
    String token = DevStackMain.token(List.of("alice", "--admin"), Map.of());

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new MACVerifier(DevTokens.DEV_SECRET.getBytes()))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("user", "admin");
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
  }

  @Test
  void userTokenIsSignedWithJwtSecretFromTheEnvironment() throws Exception {
    String secret = "another-secret-that-is-long-enough-for-hs256";
    String token = DevStackMain.token(List.of("bob"), Map.of("JWT_SECRET", secret));

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new MACVerifier(secret.getBytes()))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("user");
  }

  @Test
  void oddUserNamesAndShortSecretsAreRefused() {
    assertThatThrownBy(() -> DevTokens.token(DevTokens.DEV_SECRET, "a\"b", false, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DevTokens.token("short", "alice", false, Duration.ofHours(1)))
        .hasMessageContaining("32 bytes");
  }
}
