package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;

/**
 * Ephemeral containers may not set {@code resources} (claims included): they share the pod's
 * resources ({@code validateEphemeralContainers}, "cannot be set for an Ephemeral Container").
 *
 * <pre>
 * ephemeralContainers:
 * - name: debug
 *   resources:
 *     claims: [{name: gpu}]     # FIELD_FORBIDDEN
 * </pre>
 */
final class EphemeralContainers {
  private EphemeralContainers() {}

  static void check(PodSpec pod, String podPath, Findings findings) {
    List<EphemeralContainer> containers = Nulls.list(pod.getEphemeralContainers());
    for (int c = 0; c < containers.size(); c++) {
      var resources = containers.get(c).getResources();
      boolean claims = resources != null && !Nulls.list(resources.getClaims()).isEmpty();
      boolean amounts = resources != null && (!Nulls.map(resources.getLimits()).isEmpty()
          || !Nulls.map(resources.getRequests()).isEmpty());
      if (claims || amounts) {
        findings.add(FindingCode.FIELD_FORBIDDEN, podPath + ".ephemeralContainers[" + c + "].resources"
                + (claims && !amounts ? ".claims" : ""),
            "expected no resources on an ephemeral container, found " + (claims ? "resources.claims" : "limits or requests"),
            "an ephemeral container uses what the pod has; give a regular container the claim");
      }
    }
  }
}
