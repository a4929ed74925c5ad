package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;

/** Services: DNS-1035 names, ports in range, and a selector that matches a pod in the set. */
final class ServiceApiRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {

    for (Service service : context.services()) {
      String id = "Service[" + Names.shown(ValidationContext.name(service)) + "]";
      String problem = Names.dns1035Label(ValidationContext.name(service));
      if (!problem.isEmpty()) {
        findings.add(FindingCode.INVALID_NAME, id + ".metadata.name",
            "expected " + problem + ", found " + Names.quoted(ValidationContext.name(service)),
            "Service names must start with a letter, e.g. vllm-service");
      }
      if (service.getSpec() == null) {
        continue;
      }
      List<ServicePort> ports = Nulls.list(service.getSpec().getPorts());
      for (int i = 0; i < ports.size(); i++) {
        ServicePort port = ports.get(i);
        if (port.getPort() == null || port.getPort() < 1 || port.getPort() > 65535) {
          findings.add(FindingCode.PORT_RANGE, id + ".spec.ports[" + i + "].port",
              "expected a port in 1..65535, found " + port.getPort(), "use e.g. 8000");
        }
        if (port.getTargetPort() != null && port.getTargetPort().getIntVal() != null
            && (port.getTargetPort().getIntVal() < 1 || port.getTargetPort().getIntVal() > 65535)) {
          findings.add(FindingCode.PORT_RANGE, id + ".spec.ports[" + i + "].targetPort",
              "expected a port in 1..65535, found " + port.getTargetPort().getIntVal(),
              "target the container's port, e.g. 8000");
        }
      }
      Map<String, String> selector = service.getSpec().getSelector();
      if (selector != null && !selector.isEmpty() && !context.podGroups().isEmpty()
          && context.podGroupsSelectedBy(selector).isEmpty()) {
        findings.add(FindingCode.SERVICE_SELECTS_NOTHING, id + ".spec.selector",
            "expected the selector " + selector + " to match the pods of a workload in the set, found none",
            "use the pod template's labels, e.g. app: vllm-gpu");
      }
    }
  }
}
