package io.mediaflow.ingest.error;

/** A refusal with a catalogued error; the message is the one the client reads. */
public class IngestException extends RuntimeException {

  private final IngestError error;

  public IngestException(IngestError error, String message) {
    super(message);
    this.error = error;
  }

  public IngestException(IngestError error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  public IngestError error() {
    return error;
  }
}
