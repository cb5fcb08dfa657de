package io.mediaflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void topicNamesAreUniqueAndPrefixed() {
    var names = new HashSet<String>();
    Topics.all().forEach(t -> assertThat(names.add(t.name())).as(t.name()).isTrue());
    assertThat(names).allMatch(n -> n.startsWith("mediaflow."));
  }

  @Test
  void eventTopicsThatStateIsBuiltFromKeepTheirRecords() {
    for (Topic<?, ?> t :
        new Topic<?, ?>[] {Topics.UPLOADS, Topics.JOB_EVENTS, Topics.ASSET_COMMANDS}) {
      assertThat(t.configs()).containsEntry("retention.ms", "-1");
    }
  }

  @Test
  void assetStateIsCompacted() {
    assertThat(Topics.ASSET_STATE.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(Topics.ASSET_STATE.newTopic((short) 1).configs())
        .containsEntry("cleanup.policy", "compact");
  }
}
