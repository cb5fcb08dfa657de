package io.mediaflow.platform.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import org.junit.jupiter.api.Test;

/** The Redis client every service shares: bounded request queue, 2 s command timeout (issue #8). */
class RedisClientOptionsTest {

  @Test
  void commandsQueueUpToTheConfiguredBoundAndTimeOutAfterTwoSeconds() {
    RedisClient client = ClientsConfiguration.redisClient("redis://127.0.0.1:6379", 1024);
    try {
      assertThat(client.getOptions().getRequestQueueSize()).isEqualTo(1024);
      TimeoutOptions timeouts = client.getOptions().getTimeoutOptions();
      assertThat(timeouts.isTimeoutCommands()).isTrue();
      assertThat(timeouts.isApplyConnectionTimeout()).isTrue(); // the URI's: 2 s
    } finally {
      client.shutdown();
    }
  }
}
