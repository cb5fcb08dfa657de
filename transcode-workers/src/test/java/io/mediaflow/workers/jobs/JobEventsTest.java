package io.mediaflow.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.JobProgress;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.failure.ClassifiedFailure;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.plan.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobEventsTest {

  static final Instant AT = Instant.parse("2026-11-29T18:00:00Z");

  static Job job(Object task) {
    return Job.newBuilder().setJobId("a.g2.720p.a3").setAssetId("a").setGeneration(2).setAttempt(3).setIssuedAt(AT).setTask(task).build();
  }

  static final Job TRANSCODE = job(TranscodeTask.newBuilder().setSourceKey("s").setProfile(Fixtures.video("720p", 1280, 720, "2800k", "128k"))
      .setOutputPrefix("p/").setMedia(Fixtures.media(MediaKind.VIDEO, 1920, 1080, "h264", "aac", 10)).build());
  static final Job INGEST = job(IngestTask.newBuilder().setChunkKeys(List.of("c")).setSourceKey("s").setFileSize(1)
      .setDeclaredType("video/mp4").setFilename("f").build());

  @Test
  void eventsCarryTheJobsIdentityAndProfile() {
    JobEvent e = JobEvents.progress(TRANSCODE, "w1", 40, AT);
    assertThat(e.getJobId()).isEqualTo("a.g2.720p.a3");
    assertThat(e.getAssetId()).isEqualTo("a");
    assertThat(e.getGeneration()).isEqualTo(2);
    assertThat(e.getAttempt()).isEqualTo(3);
    assertThat(e.getProfile()).isEqualTo("720p");
    assertThat(e.getWorker()).isEqualTo("w1");
    assertThat(e.getOccurredAt()).isEqualTo(AT);
    assertThat(((JobProgress) e.getEvent()).getPercent()).isEqualTo(40);
    assertThat(JobEvents.progress(INGEST, "w1", 1, AT).getProfile()).isNull();
  }

  @Test
  void failuresSayCodeReasonAndWhetherToRetry() {
    JobEvent e = JobEvents.failed(INGEST, "w", new ClassifiedFailure(FailureCode.TYPE_MISMATCH, "text", false), AT);
    JobFailed f = (JobFailed) e.getEvent();
    assertThat(f.getFailure().getCode()).isEqualTo("TYPE_MISMATCH");
    assertThat(f.getFailure().getReason()).isEqualTo("text");
    assertThat(f.getRetryable()).isFalse();
  }

  @Test
  void deadLetterHoldsTheWholeJob() {
    DeadLetter d = JobEvents.deadLetter(TRANSCODE, new ClassifiedFailure(FailureCode.INTERNAL_ERROR, "bug", true), 3, "w", AT);
    assertThat(d.getJob()).isEqualTo(TRANSCODE);
    assertThat(d.getDeliveryCount()).isEqualTo(3);
    assertThat(d.getFailure().getCode()).isEqualTo("INTERNAL_ERROR");
  }
}
