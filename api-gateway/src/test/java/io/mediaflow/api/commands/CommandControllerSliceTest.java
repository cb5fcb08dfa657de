package io.mediaflow.api.commands;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mediaflow.api.access.Access;
import io.mediaflow.api.assets.Asset;
import io.mediaflow.api.assets.AssetConvertersTest;
import io.mediaflow.api.errors.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import reactor.core.publisher.Mono;

/**
 * The command controller alone (standalone MockMvc, the service mocked): routes, statuses, the
 * pending header and the error shape. Security, Kafka and MongoDB are covered by the ITs.
 */
class CommandControllerSliceTest {

  static final String ID = "65a1b2c3d4e5f60718293a4b";
  static final UsernamePasswordAuthenticationToken ALICE =
      new UsernamePasswordAuthenticationToken("alice", "n/a", List.of(new SimpleGrantedAuthority("ROLE_user")));

  CommandService service = mock(CommandService.class);
  MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    var advice = Class.forName("io.mediaflow.api.errors.ApiExceptionHandler").getDeclaredConstructor();
    advice.setAccessible(true);
    mvc = MockMvcBuilders.standaloneSetup(new CommandController(service, AssetConvertersTest.LINKS))
        .setControllerAdvice(advice.newInstance())
        .build();
  }

  static Asset asset(String title) {
    return new Asset(ID, 4, 1, "alice", title, "", Access.PRIVATE, Map.of(), "video/mp4", "READY", 100, null,
        false, Instant.EPOCH, Instant.EPOCH, 1.0, null, List.of());
  }

  MvcResult started(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
  }

  @Test
  void patchAppliedIs200WithTheAsset() throws Exception {
    when(service.edit(eq(ID), any(), any())).thenReturn(Mono.just(new CommandOutcome(asset("New"), false)));

    MvcResult result = started(patch("/api/assets/" + ID).principal(ALICE)
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"New\"}"));

    mvc.perform(asyncDispatch(result))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Mediaflow-Pending", "false"))
        .andExpect(jsonPath("$.title").value("New"))
        .andExpect(jsonPath("$.access").value("private"));
  }

  @Test
  void aPendingCommandIs202WithTheHeader() throws Exception {
    when(service.edit(eq(ID), any(), any())).thenReturn(Mono.just(new CommandOutcome(asset("Old"), true)));

    MvcResult result = started(patch("/api/assets/" + ID).principal(ALICE)
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"New\"}"));

    mvc.perform(asyncDispatch(result))
        .andExpect(status().isAccepted())
        .andExpect(header().string("X-Mediaflow-Pending", "true"))
        .andExpect(jsonPath("$.title").value("Old"));
  }

  @Test
  void deleteAppliedIs204_reprocessIs202() throws Exception {
    when(service.delete(eq(ID), any())).thenReturn(Mono.just(new CommandOutcome(asset("x"), false)));
    when(service.reprocess(eq(ID), any(), any())).thenReturn(Mono.just(new CommandOutcome(asset("x"), false)));

    mvc.perform(asyncDispatch(started(delete("/api/assets/" + ID).principal(ALICE))))
        .andExpect(status().isNoContent());
    mvc.perform(asyncDispatch(started(post("/api/assets/" + ID + "/reprocess").principal(ALICE))))
        .andExpect(status().isAccepted())
        .andExpect(header().string("X-Mediaflow-Pending", "false"));
  }

  @Test
  void catalogueErrorsAndSpringErrorsHaveTheErrorShape() throws Exception {
    when(service.restore(eq(ID), any())).thenReturn(Mono.error(ApiError.ADMIN_ONLY.exception()));
    when(service.edit(eq("bad"), any(), any())).thenThrow(ApiError.INVALID_ASSET_ID.exception());

    mvc.perform(asyncDispatch(started(post("/api/assets/" + ID + "/restore").principal(ALICE))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("ADMIN_ONLY"))
        .andExpect(jsonPath("$.error").isNotEmpty());
    mvc.perform(patch("/api/assets/bad").principal(ALICE).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("INVALID_ASSET_ID"));
    mvc.perform(patch("/api/assets/" + ID).principal(ALICE).contentType(MediaType.TEXT_PLAIN).content("x"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    mvc.perform(get("/api/assets/" + ID + "/restore").principal(ALICE))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
  }
}
