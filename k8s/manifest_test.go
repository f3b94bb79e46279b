// Checks the kustomize base in this directory: every manifest decodes
// strictly into the Kubernetes API types (an unknown or misspelt field
// fails), the base renders with kustomize, and the rendered objects agree
// with the server (probes on the port it listens on, shutdown longer than its
// drain) and with the Dockerfile (the numeric non-root USER).
package k8s_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/kustomize/api/krusty"
	kustomizetypes "sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// objects is the rendered base, by kind.
type objects struct {
	deployment *appsv1.Deployment
	services   []*corev1.Service
	configMaps []*corev1.ConfigMap
	hpa        *autoscalingv2.HorizontalPodAutoscaler
	pdb        *policyv1.PodDisruptionBudget
	monitors   []*monitoringv1.ServiceMonitor
}

// decodeStrict decodes one YAML document into the API type its kind names.
func decodeStrict(t *testing.T, name string, doc []byte, into *objects) {
	t.Helper()
	var meta metav1.TypeMeta
	if err := yaml.Unmarshal(doc, &meta); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var target any
	switch meta.APIVersion + " " + meta.Kind {
	case "apps/v1 Deployment":
		d := &appsv1.Deployment{}
		if into.deployment != nil {
			t.Fatalf("%s: a second Deployment", name)
		}
		into.deployment, target = d, d
	case "v1 Service":
		s := &corev1.Service{}
		into.services, target = append(into.services, s), s
	case "v1 ConfigMap":
		c := &corev1.ConfigMap{}
		into.configMaps, target = append(into.configMaps, c), c
	case "autoscaling/v2 HorizontalPodAutoscaler":
		h := &autoscalingv2.HorizontalPodAutoscaler{}
		into.hpa, target = h, h
	case "policy/v1 PodDisruptionBudget":
		p := &policyv1.PodDisruptionBudget{}
		into.pdb, target = p, p
	case "monitoring.coreos.com/v1 ServiceMonitor":
		m := &monitoringv1.ServiceMonitor{}
		into.monitors, target = append(into.monitors, m), m
	default:
		t.Fatalf("%s: unexpected %q %q (add it to this test)", name, meta.APIVersion, meta.Kind)
	}
	if err := yaml.UnmarshalStrict(doc, target); err != nil {
		t.Fatalf("%s: strict decode as %s: %v", name, meta.Kind, err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestManifestsDecodeStrictly decodes each file a kustomization lists (the
// base's, and the monitoring overlay's), and the kustomization itself, on its
// own.
func TestManifestsDecodeStrictly(t *testing.T) {
	for _, dir := range []string{".", "monitoring"} {
		var k kustomizetypes.Kustomization
		if err := yaml.UnmarshalStrict(readFile(t, filepath.Join(dir, "kustomization.yaml")), &k); err != nil {
			t.Fatalf("%s/kustomization.yaml: %v", dir, err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, r := range k.Resources {
			listed[r] = true
		}
		for _, file := range files {
			name := filepath.Base(file)
			if name == "kustomization.yaml" {
				continue
			}
			if !listed[name] {
				t.Errorf("%s is not in %s/kustomization.yaml's resources", file, dir)
			}
			var into objects
			decodeStrict(t, file, readFile(t, file), &into)
		}
		manifests := 0
		for _, r := range k.Resources {
			if strings.HasSuffix(r, ".yaml") {
				manifests++
			}
		}
		if manifests != len(files)-1 {
			t.Errorf("%s/kustomization.yaml lists %d manifests, the directory has %d", dir, manifests, len(files)-1)
		}
	}
}

// render builds the base with kustomize, as `kubectl apply -k` would, and
// decodes every object strictly.
func render(t *testing.T) *objects {
	t.Helper()
	into := renderDir(t, ".")
	if into.deployment == nil || into.hpa == nil || into.pdb == nil || len(into.configMaps) != 1 {
		t.Fatalf("want a Deployment, an HPA, a PDB and the flags ConfigMap; got %+v", into)
	}
	return into
}

// renderDir builds the kustomization in `dir` (the base or an overlay).
func renderDir(t *testing.T, dir string) *objects {
	t.Helper()
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		t.Fatalf("kustomize build: %v", err)
	}
	into := &objects{}
	for _, r := range resources.Resources() {
		doc, err := r.AsYAML()
		if err != nil {
			t.Fatal(err)
		}
		decodeStrict(t, r.CurId().String(), doc, into)
	}
	return into
}

// parseFlags reads an absl flagfile: "--name=value" lines, '#' comments.
func parseFlags(t *testing.T, text string) map[string]string {
	t.Helper()
	flags := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(strings.TrimPrefix(line, "--"), "=")
		if !ok || !strings.HasPrefix(line, "--") {
			t.Fatalf("flagfile line %q is not --name=value", line)
		}
		flags[name] = value
	}
	return flags
}

// serverDefault reads a flag's default from the server's ABSL_FLAG
// definitions, so the test follows the server when its defaults change.
func serverDefault(t *testing.T, name string) string {
	t.Helper()
	source := string(readFile(t, filepath.Join("..", "server", "main.cc")))
	re := regexp.MustCompile(`ABSL_FLAG\([^,]+,\s*` + regexp.QuoteMeta(name) + `,\s*([^,]+),`)
	m := re.FindStringSubmatch(source)
	if m == nil {
		t.Fatalf("no ABSL_FLAG %s in server/main.cc", name)
	}
	return strings.TrimSpace(m[1])
}

// serverFlag is the value the server runs with: the flagfile's, else its
// default.
func serverFlag(t *testing.T, flags map[string]string, name string) string {
	if v, ok := flags[name]; ok {
		return v
	}
	return serverDefault(t, name)
}

func listenPort(t *testing.T, flags map[string]string) int32 {
	t.Helper()
	return portOf(t, flags, "address")
}

// portOf reads the port of a HOST:PORT flag (--address, --http_address).
func portOf(t *testing.T, flags map[string]string, flag string) int32 {
	t.Helper()
	address := strings.Trim(serverFlag(t, flags, flag), `"`)
	i := strings.LastIndex(address, ":")
	if i < 0 {
		t.Fatalf("cannot read a port from --%s=%s (the HTTP door must be on: probes and scrapes use it)", flag, address)
	}
	port, err := strconv.Atoi(address[i+1:])
	if err != nil || port == 0 {
		t.Fatalf("cannot read a port from --%s=%s", flag, address)
	}
	return int32(port)
}

// drainTimeout reads --drain_timeout; the server's default is written as
// absl::Seconds(N) in main.cc.
func drainTimeout(t *testing.T, flags map[string]string) time.Duration {
	t.Helper()
	value := serverFlag(t, flags, "drain_timeout")
	if m := regexp.MustCompile(`^absl::Seconds\((\d+)\)$`).FindStringSubmatch(value); m != nil {
		value = m[1] + "s"
	}
	d, err := time.ParseDuration(value)
	if err != nil {
		t.Fatalf("--drain_timeout=%s: %v", value, err)
	}
	return d
}

// dockerfileUser returns the numeric uid and gid of the runtime stage's USER.
func dockerfileUser(t *testing.T) (int64, int64) {
	t.Helper()
	var user string
	for _, line := range strings.Split(string(readFile(t, filepath.Join("..", "Dockerfile"))), "\n") {
		if fields := strings.Fields(line); len(fields) == 2 && strings.EqualFold(fields[0], "USER") {
			user = fields[1] // the last USER wins: the runtime stage's
		}
	}
	uidText, gidText, hasGid := strings.Cut(user, ":")
	uid, err := strconv.ParseInt(uidText, 10, 64)
	if err != nil {
		t.Fatalf("Dockerfile USER %q is not numeric (runAsNonRoot needs a number)", user)
	}
	gid := uid
	if hasGid {
		if gid, err = strconv.ParseInt(gidText, 10, 64); err != nil {
			t.Fatalf("Dockerfile USER %q: group is not numeric", user)
		}
	}
	return uid, gid
}

func TestDeploymentMatchesServerAndImage(t *testing.T) {
	o := render(t)
	d := o.deployment
	flagsMap := o.configMaps[0]
	flags := parseFlags(t, flagsMap.Data["flags"])
	port := listenPort(t, flags)
	spec := d.Spec.Template.Spec

	if d.Spec.Replicas == nil || *d.Spec.Replicas != 3 {
		t.Errorf("replicas = %v, want 3", d.Spec.Replicas)
	}
	if len(spec.Containers) != 1 {
		t.Fatalf("want one container, got %d", len(spec.Containers))
	}
	c := spec.Containers[0]

	// The container reads the generated ConfigMap as its flagfile.
	var flagsMount string
	for _, v := range spec.Volumes {
		if v.ConfigMap != nil && v.ConfigMap.Name == flagsMap.Name {
			for _, m := range c.VolumeMounts {
				if m.Name == v.Name {
					flagsMount = m.MountPath
				}
			}
		}
	}
	if flagsMount == "" || !contains(c.Args, "--flagfile="+flagsMount+"/flags") {
		t.Errorf("container args %q do not read the ConfigMap %s mounted at %q", c.Args, flagsMap.Name, flagsMount)
	}

	httpPort := portOf(t, flags, "http_address")
	var containerPort, httpContainerPort *corev1.ContainerPort
	for i := range c.Ports {
		switch c.Ports[i].ContainerPort {
		case port:
			containerPort = &c.Ports[i]
		case httpPort:
			httpContainerPort = &c.Ports[i]
		}
	}
	if containerPort == nil {
		t.Fatalf("no containerPort %d (--address)", port)
	}
	if httpContainerPort == nil || httpContainerPort.Name == "" {
		t.Fatalf("no named containerPort %d (--http_address)", httpPort)
	}
	// resolves a probe's or a Service's target port, by number or name.
	resolve := func(p intstr.IntOrString) int32 {
		for _, cp := range c.Ports {
			if p.Type == intstr.String && p.StrVal == cp.Name {
				return cp.ContainerPort
			}
		}
		return p.IntVal
	}

	// Readiness: /readyz on the HTTP door, which follows gRPC health and
	// goes NOT_SERVING when the drain starts. Liveness: native gRPC health
	// on the port the server listens on (a number, as Kubernetes requires).
	if r := c.ReadinessProbe; r == nil || r.HTTPGet == nil {
		t.Errorf("readiness probe should be an httpGet of /readyz")
	} else if r.HTTPGet.Path != "/readyz" || resolve(r.HTTPGet.Port) != httpPort {
		t.Errorf("readiness probe gets %s on port %s, want /readyz on %d (--http_address)", r.HTTPGet.Path, r.HTTPGet.Port.String(), httpPort)
	}
	if l := c.LivenessProbe; l == nil || l.GRPC == nil {
		t.Errorf("liveness probe is not a gRPC probe")
	} else if l.GRPC.Port != port {
		t.Errorf("liveness probe port %d, server listens on %d", l.GRPC.Port, port)
	}

	// Prometheus's annotations name the HTTP port and /metrics.
	annotations := d.Spec.Template.Annotations
	if annotations["prometheus.io/scrape"] != "true" || annotations["prometheus.io/path"] != "/metrics" ||
		annotations["prometheus.io/port"] != strconv.Itoa(int(httpPort)) {
		t.Errorf("pod annotations %v should scrape /metrics on port %d", annotations, httpPort)
	}

	// Requests and limits for both CPU and memory; the worker threads match
	// the CPU limit (the server's default counts the node's cores).
	for _, list := range []corev1.ResourceList{c.Resources.Requests, c.Resources.Limits} {
		if list.Cpu().IsZero() || list.Memory().IsZero() {
			t.Errorf("resources %v need cpu and memory", list)
		}
	}
	if threads, err := strconv.ParseInt(flags["threads"], 10, 64); err != nil || threads != c.Resources.Limits.Cpu().Value() {
		t.Errorf("--threads=%s should equal the CPU limit %s", flags["threads"], c.Resources.Limits.Cpu())
	}

	// Non-root as the image's numeric user, read-only root, /tmp writable,
	// no capabilities, no privilege escalation.
	uid, gid := dockerfileUser(t)
	if uid == 0 {
		t.Errorf("Dockerfile USER is root")
	}
	pod := spec.SecurityContext
	if pod == nil || pod.RunAsNonRoot == nil || !*pod.RunAsNonRoot {
		t.Errorf("pod securityContext needs runAsNonRoot: true")
	}
	if pod == nil || pod.RunAsUser == nil || *pod.RunAsUser != uid {
		t.Errorf("pod runAsUser should be the Dockerfile's USER %d", uid)
	}
	if pod == nil || pod.RunAsGroup == nil || *pod.RunAsGroup != gid {
		t.Errorf("pod runAsGroup should be the Dockerfile's group %d", gid)
	}
	sc := c.SecurityContext
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		t.Errorf("container needs readOnlyRootFilesystem: true")
	}
	if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		t.Errorf("container needs allowPrivilegeEscalation: false")
	}
	if sc == nil || sc.Capabilities == nil || len(sc.Capabilities.Drop) != 1 || sc.Capabilities.Drop[0] != "ALL" || len(sc.Capabilities.Add) != 0 {
		t.Errorf("container should drop ALL capabilities and add none")
	}
	if sc != nil && sc.RunAsUser != nil && *sc.RunAsUser != uid {
		t.Errorf("container runAsUser %d differs from the Dockerfile's %d", *sc.RunAsUser, uid)
	}
	tmpIsEmptyDir := false
	for _, m := range c.VolumeMounts {
		for _, v := range spec.Volumes {
			if m.MountPath == "/tmp" && m.Name == v.Name && v.EmptyDir != nil {
				tmpIsEmptyDir = true
			}
		}
	}
	if !tmpIsEmptyDir {
		t.Errorf("/tmp should be an emptyDir (the root filesystem is read-only)")
	}

	// Shutdown: preStop sleep, then the drain, both inside the grace period.
	var sleep time.Duration
	if c.Lifecycle == nil || c.Lifecycle.PreStop == nil {
		t.Errorf("no preStop hook")
	} else if h := c.Lifecycle.PreStop; h.Exec != nil && len(h.Exec.Command) == 2 && strings.HasSuffix(h.Exec.Command[0], "sleep") {
		seconds, err := strconv.Atoi(h.Exec.Command[1])
		if err != nil {
			t.Errorf("preStop sleep %q", h.Exec.Command[1])
		}
		sleep = time.Duration(seconds) * time.Second
	} else if h.Sleep != nil {
		sleep = time.Duration(h.Sleep.Seconds) * time.Second
	} else {
		t.Errorf("preStop should sleep")
	}
	drain := drainTimeout(t, flags)
	grace := time.Duration(0)
	if spec.TerminationGracePeriodSeconds != nil {
		grace = time.Duration(*spec.TerminationGracePeriodSeconds) * time.Second
	}
	if grace <= sleep+drain {
		t.Errorf("terminationGracePeriodSeconds %v must exceed preStop %v + --drain_timeout %v", grace, sleep, drain)
	}

	// Spread over zones and nodes, counting this Deployment's pods.
	podLabels := labels.Set(d.Spec.Template.Labels)
	keys := map[string]bool{}
	for _, tsc := range spec.TopologySpreadConstraints {
		keys[tsc.TopologyKey] = true
		if !selects(t, tsc.LabelSelector, podLabels) {
			t.Errorf("topology spread on %s does not select the pods", tsc.TopologyKey)
		}
	}
	if !keys["kubernetes.io/hostname"] || !keys["topology.kubernetes.io/zone"] {
		t.Errorf("spread over hostname and zone, got %v", keys)
	}
	if !selects(t, d.Spec.Selector, podLabels) {
		t.Errorf("Deployment selector does not select its pods")
	}

	// Services: one headless (client-side round-robin), one ClusterIP (L7
	// proxies); both reach the server's port on these pods.
	var headless, clusterIP int
	for _, s := range o.services {
		if !labels.SelectorFromSet(s.Spec.Selector).Matches(podLabels) || len(s.Spec.Selector) == 0 {
			t.Errorf("Service %s does not select the pods", s.Name)
		}
		if s.Spec.ClusterIP == corev1.ClusterIPNone {
			headless++
		} else if s.Spec.Type == "" || s.Spec.Type == corev1.ServiceTypeClusterIP {
			clusterIP++
		}
		reached := map[int32]bool{}
		for _, p := range s.Spec.Ports {
			target := resolve(p.TargetPort)
			if target != port && target != httpPort {
				t.Errorf("Service %s port %s reaches %v, server listens on %d and %d", s.Name, p.Name, p.TargetPort.String(), port, httpPort)
			}
			reached[target] = true
		}
		if !reached[port] || !reached[httpPort] {
			t.Errorf("Service %s should reach both gRPC (%d) and HTTP (%d)", s.Name, port, httpPort)
		}
	}
	if headless != 1 || clusterIP != 1 {
		t.Errorf("want one headless and one ClusterIP Service, got %d and %d", headless, clusterIP)
	}

	// The HPA scales this Deployment on CPU, from 3; the PDB covers its pods.
	h := o.hpa
	if h.Spec.ScaleTargetRef.Kind != "Deployment" || h.Spec.ScaleTargetRef.Name != d.Name {
		t.Errorf("HPA targets %s/%s", h.Spec.ScaleTargetRef.Kind, h.Spec.ScaleTargetRef.Name)
	}
	if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas != *d.Spec.Replicas || h.Spec.MaxReplicas <= *h.Spec.MinReplicas {
		t.Errorf("HPA min %v max %d: min should be the Deployment's replicas, max above it", h.Spec.MinReplicas, h.Spec.MaxReplicas)
	}
	if len(h.Spec.Metrics) != 1 || h.Spec.Metrics[0].Resource == nil || h.Spec.Metrics[0].Resource.Name != corev1.ResourceCPU {
		t.Errorf("HPA should scale on CPU")
	}
	if !selects(t, o.pdb.Spec.Selector, podLabels) {
		t.Errorf("PodDisruptionBudget does not select the pods")
	}
}

func selects(t *testing.T, selector *metav1.LabelSelector, set labels.Set) bool {
	t.Helper()
	s, err := metav1.LabelSelectorAsSelector(selector)
	if err != nil {
		t.Fatal(err)
	}
	return selector != nil && !s.Empty() && s.Matches(set)
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

// TestStrictDecodingRejectsUnknownFields shows the check has teeth: a
// misspelt field in a real manifest fails to decode.
func TestStrictDecodingRejectsUnknownFields(t *testing.T) {
	doc := bytes.Replace(readFile(t, "deployment.yaml"), []byte("readinessProbe:"), []byte("readynessProbe:"), 1)
	if bytes.Equal(doc, readFile(t, "deployment.yaml")) {
		t.Fatal("deployment.yaml has no readinessProbe to misspell")
	}
	err := yaml.UnmarshalStrict(doc, &appsv1.Deployment{})
	if err == nil || !strings.Contains(err.Error(), "readynessProbe") {
		t.Fatalf("a misspelt field decoded: %v", err)
	}
	fmt.Fprintln(os.Stderr, "strict decoding rejects:", err)
}

// TestMonitoring renders k8s/monitoring: a ServiceMonitor that scrapes
// /metrics on the HTTP port of exactly one of the base's Services (so each
// pod is scraped once), and the Grafana dashboard as a ConfigMap for
// Grafana's sidecar.
func TestMonitoring(t *testing.T) {
	base := render(t)
	o := renderDir(t, "monitoring")
	if len(o.monitors) != 1 {
		t.Fatalf("want one ServiceMonitor, got %d", len(o.monitors))
	}
	m := o.monitors[0]
	selector, err := metav1.LabelSelectorAsSelector(&m.Spec.Selector)
	if err != nil {
		t.Fatal(err)
	}
	var selected []*corev1.Service
	for _, s := range base.services {
		if selector.Matches(labels.Set(s.Labels)) {
			selected = append(selected, s)
		}
	}
	if len(selected) != 1 {
		t.Fatalf("the ServiceMonitor selects %d Services, want exactly 1 (else each pod is scraped twice)", len(selected))
	}
	var httpPortName string
	for _, p := range selected[0].Spec.Ports {
		if p.TargetPort.StrVal == "http" {
			httpPortName = p.Name
		}
	}
	if len(m.Spec.Endpoints) != 1 || m.Spec.Endpoints[0].Port != httpPortName || m.Spec.Endpoints[0].Path != "/metrics" {
		t.Errorf("ServiceMonitor endpoints %+v should scrape /metrics on port %q", m.Spec.Endpoints, httpPortName)
	}

	var dashboard *corev1.ConfigMap
	for _, c := range o.configMaps {
		if _, ok := c.Data["lede-dashboard.json"]; ok {
			dashboard = c
		}
	}
	if dashboard == nil || dashboard.Labels["grafana_dashboard"] != "1" {
		t.Fatalf("no ConfigMap with lede-dashboard.json labelled grafana_dashboard: \"1\"")
	}
	var parsed struct {
		Panels []struct {
			Type    string `json:"type"`
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal([]byte(dashboard.Data["lede-dashboard.json"]), &parsed); err != nil {
		t.Fatalf("lede-dashboard.json: %v", err)
	}
	// Which names the queries use is checked against a running server's
	// /metrics in tests/http/test_metrics.py; here, that each chart queries.
	metric := regexp.MustCompile(`\b(lede|process)_[a-z_]+\b`)
	charts := 0
	for _, p := range parsed.Panels {
		if p.Type == "row" {
			continue
		}
		charts++
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, target := range p.Targets {
			if !metric.MatchString(target.Expr) {
				t.Errorf("panel %q queries no lede metric: %s", p.Title, target.Expr)
			}
		}
	}
	if charts < 8 {
		t.Errorf("the dashboard has %d charts", charts)
	}
}

// TestTLSOverlay renders the base with the Component k8s/tls, as an
// overlay of a user's would (a kustomization beside, naming both): the
// base's Deployment with the server's
// TLS flags naming the files of the Secret's volume, both probes running
// `lede health` over mutual TLS on the --address port with the same files,
// and the HTTP door (which has no TLS) off; nothing else changed.
func TestTLSOverlay(t *testing.T) {
	plain := render(t)
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	overlay := t.TempDir()
	// Kustomize takes relative paths only.
	base, err := filepath.Rel(overlay, here)
	if err != nil {
		t.Fatal(err)
	}
	kustomization := fmt.Sprintf("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"+
		"resources:\n  - %s\ncomponents:\n  - %s\n", base, filepath.Join(base, "tls"))
	if err := os.WriteFile(filepath.Join(overlay, "kustomization.yaml"), []byte(kustomization), 0o644); err != nil {
		t.Fatal(err)
	}
	o := renderDir(t, overlay)
	if o.deployment == nil || len(o.services) != len(plain.services) || o.hpa == nil || o.pdb == nil {
		t.Fatalf("the overlay should render the whole base; got %+v", o)
	}
	flags := parseFlags(t, plain.configMaps[0].Data["flags"])
	port := listenPort(t, flags)
	spec := o.deployment.Spec.Template.Spec
	c := spec.Containers[0]

	var secretMount string
	for _, v := range spec.Volumes {
		if v.Secret != nil && v.Secret.SecretName == "lede-tls" {
			for _, m := range c.VolumeMounts {
				if m.Name == v.Name && m.ReadOnly {
					secretMount = m.MountPath
				}
			}
		}
	}
	if secretMount == "" {
		t.Fatalf("no read-only mount of the Secret lede-tls in %+v", c.VolumeMounts)
	}
	files := map[string]string{ // flag -> the cert-manager key it names
		"tls_cert": "tls.crt", "tls_key": "tls.key", "tls_client_ca": "ca.crt",
	}
	for flag, key := range files {
		if !contains(c.Args, "--"+flag+"="+secretMount+"/"+key) {
			t.Errorf("args %q lack --%s=%s/%s", c.Args, flag, secretMount, key)
		}
	}
	if !contains(c.Args, "--http_address=") {
		t.Errorf("args %q should turn the HTTP door off (it has no TLS)", c.Args)
	}
	if _, ok := o.deployment.Spec.Template.Annotations["prometheus.io/scrape"]; ok {
		t.Error("the pods still ask to be scraped on the HTTP door, which is off")
	}
	clientFiles := map[string]string{"tls_ca": "ca.crt", "tls_cert": "tls.crt", "tls_key": "tls.key"}
	for name, probe := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
		if probe == nil || probe.Exec == nil || probe.HTTPGet != nil || probe.GRPC != nil {
			t.Errorf("%s probe %+v should be an exec of lede health (gRPC probes have no TLS)", name, probe)
			continue
		}
		command := probe.Exec.Command
		if len(command) < 2 || command[0] != "/usr/local/bin/lede" || command[1] != "health" {
			t.Errorf("%s probe runs %q, want /usr/local/bin/lede health", name, command)
		}
		if !contains(command, fmt.Sprintf("--server=127.0.0.1:%d", port)) {
			t.Errorf("%s probe %q does not dial the --address port %d", name, command, port)
		}
		for flag, key := range clientFiles {
			if !contains(command, "--"+flag+"="+secretMount+"/"+key) {
				t.Errorf("%s probe %q lacks --%s=%s/%s", name, command, flag, secretMount, key)
			}
		}
	}
	// Everything else is the base's.
	baseSpec := plain.deployment.Spec.Template.Spec
	if spec.TerminationGracePeriodSeconds == nil || *spec.TerminationGracePeriodSeconds != *baseSpec.TerminationGracePeriodSeconds ||
		*o.deployment.Spec.Replicas != *plain.deployment.Spec.Replicas || c.Image != baseSpec.Containers[0].Image {
		t.Error("the overlay changed more than TLS")
	}
}
