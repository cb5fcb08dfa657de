package io.mediaflow.api.assets;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import reactor.core.publisher.Mono;

/** The asset controller alone (standalone MockMvc, queries mocked): routes, parameters, body shapes. */
class AssetControllerSliceTest {

  static final String ID = "65a1b2c3d4e5f60718293a4b";
  static final UsernamePasswordAuthenticationToken ADMIN =
      new UsernamePasswordAuthenticationToken("root", "n/a", List.of(new SimpleGrantedAuthority("ROLE_admin")));

  AssetQueries queries = mock(AssetQueries.class);
  MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    var advice = Class.forName("io.mediaflow.api.errors.ApiExceptionHandler").getDeclaredConstructor();
    advice.setAccessible(true);
    mvc = MockMvcBuilders.standaloneSetup(new AssetController(queries)).setControllerAdvice(advice.newInstance()).build();
  }

  @Test
  void getAnswersTheViewAndPassesTheViewerOn() throws Exception {
    AssetView view = AssetViews.toView(AssetDocuments.toAsset(AssetConvertersTest.full()), AssetConvertersTest.LINKS);
    when(queries.get(eq(ID), eq(new Viewer("root", true)))).thenReturn(Mono.just(view));

    mvc.perform(get("/api/assets/" + ID).principal(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(ID))
        .andExpect(jsonPath("$.variants[0].profile").value("360p"))
        .andExpect(jsonPath("$.error.code").value("PROBE_FAILED"));
  }

  @Test
  void listBindsItsParametersAndAnswersAPage() throws Exception {
    when(queries.list(eq("READY"), eq("cats"), eq(2), isNull(), any()))
        .thenReturn(Mono.just(new AssetPage(List.of(), 2, 20, 21)));

    mvc.perform(get("/api/assets?status=READY&q=cats&page=2").principal(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isArray())
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").value(21));
  }

  @Test
  void errorsFromTheQueryAreInTheErrorShape() throws Exception {
    when(queries.get(eq(ID), any())).thenReturn(Mono.error(ApiError.FORBIDDEN.exception("private")));

    mvc.perform(get("/api/assets/" + ID).principal(ADMIN))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("FORBIDDEN"))
        .andExpect(jsonPath("$.error").value("private"));
    mvc.perform(get("/api/assets?page=x").principal(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("INVALID_QUERY"));
  }

  @Test
  void aReadThatTimesOutIsAnswered503StorageUnavailable() throws Exception {
    when(queries.get(eq(ID), any())).thenReturn(Mono.error(new java.util.concurrent.TimeoutException()));

    mvc.perform(get("/api/assets/" + ID).principal(ADMIN))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("STORAGE_UNAVAILABLE"));
  }
}
