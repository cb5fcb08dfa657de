package io.mediaflow.api.playback;

import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.platform.MediaflowProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

  @Bean
  UrlSigner urlSigner(ApiProperties api, MediaflowProperties platform) {
    return new UrlSigner(
        UrlSigner.key(api.playback().signingSecret(), platform.jwt().secret()),
        Clock.systemUTC(),
        api.playback().urlTtl());
  }
}
