package io.mediaflow.api.errors;

/**
 * The error catalogue of api-gateway: every error a client can get, with its code, HTTP status and
 * a message a person can act on. Handlers and domain code refer to these constants only.
 */
public enum ApiError {
  INVALID_ASSET_ID(400, "The asset id must be a 24-character hexadecimal ObjectId."),
  INVALID_REQUEST(400, "The request is not valid."),
  INVALID_QUERY(400, "A query parameter is not valid."),
  UNAUTHORIZED(401, "Send Authorization: Bearer <token> (./mediaflow token <user>)."),
  FORBIDDEN(403, "You are not allowed to do this to this asset."),
  ADMIN_ONLY(403, "Only an administrator may do this."),
  INVALID_SIGNATURE(403, "This link is missing its signature, has expired or was altered; ask /media/{id}/stream for a fresh one."),
  ASSET_NOT_FOUND(404, "No such asset (it may have been deleted)."),
  NOT_FOUND(404, "No such resource."),
  METHOD_NOT_ALLOWED(405, "This method is not allowed on this resource."),
  NOT_ACCEPTABLE(406, "This resource cannot be answered in the requested media type."),
  NOT_DELETED(409, "The asset is not deleted, so there is nothing to restore."),
  NOT_PLAYABLE(409, "The asset has no ready rendition yet; try again when its status is PLAYABLE or READY."),
  UNSUPPORTED_MEDIA_TYPE(415, "Send the request body as application/json."),
  COMMAND_NOT_PUBLISHED(503, "The command could not be published to Kafka; try again shortly."),
  REPLAY_FAILED(502, "The projector did not complete the replay; see its logs and try again."),
  KAFKA_UNAVAILABLE(503, "Kafka did not answer in time; try again shortly."),
  STORAGE_UNAVAILABLE(503, "The projection or the object store is unavailable; try again shortly."),
  OVERLOADED(503, "The gateway is answering as many requests as it can; retry after the seconds in Retry-After."),
  INTERNAL(500, "Something went wrong on our side; try again, and report it if it persists.");

  private final int status;
  private final String message;

  ApiError(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  public String code() {
    return name();
  }

  /** An exception carrying this error and its catalogue message. */
  public ApiException exception() {
    return new ApiException(this, message);
  }

  /** An exception carrying this error with a more precise message (e.g. which field is wrong). */
  public ApiException exception(String detail) {
    return new ApiException(this, detail);
  }
}
