package io.mediaflow.api.assets;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.GatewayIT;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** GET /api/assets/{id} and GET /api/assets over documents in the real (embedded) MongoDB. */
class AssetQueriesIT extends GatewayIT {

  @Test
  void ownerReadsTheAssetInTheDesignShape() {
    Document doc = projection.put(asset(alice, "private", "Holiday"));
    String id = doc.getString("_id");

    HttpResponse<String> response = api.get("/api/assets/" + id, token(alice, false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"id\":\"" + id + "\"", "\"title\":\"Holiday\"", "\"status\":\"READY\"")
        .contains("\"owner\":\"" + alice + "\"", "\"access\":\"private\"", "\"duration\":12.5")
        .contains("\"metadata\":{\"camera\":\"x100\"}", "\"error\":null", "\"progress\":100")
        .contains("\"streamingUrl\":\"/media/" + id + "/stream\"")
        .contains("\"thumbnailUrl\":\"/media/" + id + "/thumbnail.jpg?exp=")
        .contains("\"variants\":[{\"profile\":\"360p\",\"width\":640,\"height\":360,\"bitrate\":800000,\"url\":\"/media/" + id + "/hls/360p/index.m3u8?exp=");
  }

  @Test
  void someoneElsesPrivateAssetIsForbiddenButAdminsReadIt() {
    String id = projection.put(asset(alice, "private", "Secret")).getString("_id");

    assertError(api.get("/api/assets/" + id, token(bob, false)), 403, "FORBIDDEN");
    assertThat(api.get("/api/assets/" + id, token("root", true)).statusCode()).isEqualTo(200);
  }

  @Test
  void unlistedAndPublicAssetsAreReadableByAnyoneWithTheId() {
    String unlisted = projection.put(asset(alice, "unlisted", "U")).getString("_id");
    String pub = projection.put(asset(alice, "public", "P")).getString("_id");

    assertThat(api.get("/api/assets/" + unlisted, token(bob, false)).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/assets/" + pub, token(bob, false)).statusCode()).isEqualTo(200);
    assertError(api.get("/api/assets/" + pub, null), 401, "UNAUTHORIZED");
  }

  @Test
  void malformedIdIs400AbsentOrDeletedIs404() {
    String deleted =
        projection.put(asset(alice, "public", "Gone").append("deleted", true)).getString("_id");

    assertError(api.get("/api/assets/not-an-id", token(alice, false)), 400, "INVALID_ASSET_ID");
    assertError(api.get("/api/assets/" + "0".repeat(24), token(alice, false)), 404, "ASSET_NOT_FOUND");
    assertError(api.get("/api/assets/" + deleted, token(alice, false)), 404, "ASSET_NOT_FOUND");
    assertError(api.get("/api/assets/" + deleted, token("root", true)), 404, "ASSET_NOT_FOUND");
  }

  @Test
  void listShowsOwnAndPublicAssetsNewestFirst() {
    String own = projection.put(asset(alice, "private", "Mine")).getString("_id");
    String bobsPublic = projection.put(asset(bob, "public", "Bobs public")).getString("_id");
    String bobsPrivate = projection.put(asset(bob, "private", "Bobs private")).getString("_id");
    String bobsUnlisted = projection.put(asset(bob, "unlisted", "Bobs unlisted")).getString("_id");

    String body = api.get("/api/assets?size=100", token(alice, false)).body();

    assertThat(body).contains(own, bobsPublic).doesNotContain(bobsPrivate, bobsUnlisted);
    assertThat(body.indexOf(bobsPublic)).isLessThan(body.indexOf(own));
    assertThat(api.get("/api/assets?size=100", token("root", true)).body())
        .contains(own, bobsPublic, bobsPrivate, bobsUnlisted);
  }

  @Test
  void listFiltersByStatusAndTitleAndPages() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    projection.put(asset(alice, "private", "Cats " + tag + " one"));
    projection.put(asset(alice, "private", "cats " + tag + " two").append("status", "FAILED"));
    projection.put(asset(alice, "private", "Dogs " + tag));
    projection.put(asset(alice, "private", "Regex (.*) " + tag));

    String failed = api.get("/api/assets?status=failed&q=" + tag, token(alice, false)).body();
    assertThat(failed).contains("two").doesNotContain("one").contains("\"total\":1");

    String cats = api.get("/api/assets?q=CATS%20" + tag + "&size=1&page=2", token(alice, false)).body();
    assertThat(cats).contains("\"total\":2", "\"page\":2", "\"size\":1", "Cats " + tag + " one");

    assertThat(api.get("/api/assets?q=(.*)", token(alice, false)).body()).contains("Regex (.*) " + tag);
    assertThat(api.get("/api/assets?q=.*" + tag, token(alice, false)).body()).contains("\"total\":0");
  }

  @Test
  void badQueriesAnd404sOfUnknownPathsUseTheErrorShape() {
    assertError(api.get("/api/assets?status=DONE", token(alice, false)), 400, "INVALID_QUERY");
    assertError(api.get("/api/assets?page=0", token(alice, false)), 400, "INVALID_QUERY");
    assertError(api.get("/api/assets?size=abc", token(alice, false)), 400, "INVALID_QUERY");
    assertError(api.get("/api/nothing-here", token(alice, false)), 404, "NOT_FOUND");
    assertError(api.send("PUT", "/api/assets", token(alice, false), "{}"), 405, "METHOD_NOT_ALLOWED");
  }
}
