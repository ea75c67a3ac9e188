package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The Kubernetes example, deploy/kubernetes/sweep-indexed-job.yaml, read
// with the fields its tests look at.

const kubernetesManifest = "../../deploy/kubernetes/sweep-indexed-job.yaml"

type k8sObject struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct{ Name string }
	Data       map[string]string `yaml:"data"`
	Spec       yaml.Node         `yaml:"spec"`
}

type k8sJobSpec struct {
	CompletionMode       string `yaml:"completionMode"`
	Completions          *int   `yaml:"completions"`
	Parallelism          *int   `yaml:"parallelism"`
	PodReplacementPolicy string `yaml:"podReplacementPolicy"`
	PodFailurePolicy     struct {
		Rules []struct {
			Action      string `yaml:"action"`
			OnExitCodes *struct {
				Operator string `yaml:"operator"`
				Values   []int  `yaml:"values"`
			} `yaml:"onExitCodes"`
		} `yaml:"rules"`
	} `yaml:"podFailurePolicy"`
	Template struct {
		Spec struct {
			RestartPolicy string         `yaml:"restartPolicy"`
			Containers    []k8sContainer `yaml:"containers"`
			Volumes       []struct {
				Name                  string `yaml:"name"`
				PersistentVolumeClaim struct {
					ClaimName string `yaml:"claimName"`
				} `yaml:"persistentVolumeClaim"`
			} `yaml:"volumes"`
		} `yaml:"spec"`
	} `yaml:"template"`
}

type k8sContainer struct {
	Name    string   `yaml:"name"`
	Command []string `yaml:"command"`
	Args    []string `yaml:"args"`
	EnvFrom []struct {
		ConfigMapRef struct{ Name string } `yaml:"configMapRef"`
	} `yaml:"envFrom"`
	VolumeMounts []struct {
		Name      string `yaml:"name"`
		MountPath string `yaml:"mountPath"`
	} `yaml:"volumeMounts"`
}

// k8sExample is the checked content of the manifest.
type k8sExample struct {
	config map[string]string // the ConfigMap's data
	sweep  k8sContainer      // the Indexed Job's container
	merge  k8sContainer      // the merge Job's container
	mount  string            // where both mount the results volume
}

// readKubernetesExample parses the manifest and checks its structure:
// the objects and their kinds; an Indexed Job with completions and
// parallelism both the ConfigMap's SHARDS; both Jobs' containers taking
// their environment from the ConfigMap and mounting the claim's volume
// at a directory that holds RESULTS, where their commands write.
func readKubernetesExample(t *testing.T) k8sExample {
	t.Helper()
	data, err := os.ReadFile(kubernetesManifest)
	if err != nil {
		t.Fatal(err)
	}
	objects := map[string]k8sObject{} // by kind/name
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var o k8sObject
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("%s: %v", kubernetesManifest, err)
		}
		objects[o.Kind+"/"+o.Metadata.Name] = o
	}
	want := map[string]string{ // kind/name: apiVersion
		"ConfigMap/esgtsim-sweep":               "v1",
		"PersistentVolumeClaim/esgtsim-results": "v1",
		"Job/esgtsim-sweep":                     "batch/v1",
		"Job/esgtsim-merge":                     "batch/v1",
	}
	for id, api := range want {
		if o, ok := objects[id]; !ok || o.APIVersion != api {
			t.Errorf("%s: want a %s of apiVersion %s", kubernetesManifest, id, api)
		}
	}
	if len(objects) != len(want) {
		t.Errorf("%s: %d objects, want %d", kubernetesManifest, len(objects), len(want))
	}
	if t.Failed() {
		t.FailNow()
	}
	config := objects["ConfigMap/esgtsim-sweep"].Data
	shards, err := strconv.Atoi(config["SHARDS"])
	if err != nil || shards < 1 {
		t.Fatalf("ConfigMap SHARDS = %q, want a shard count", config["SHARDS"])
	}

	var ex k8sExample
	ex.config = config
	for _, name := range []string{"esgtsim-sweep", "esgtsim-merge"} {
		var spec k8sJobSpec
		node := objects["Job/"+name].Spec
		if err := node.Decode(&spec); err != nil {
			t.Fatalf("Job %s: %v", name, err)
		}
		pod := spec.Template.Spec
		if pod.RestartPolicy != "Never" || len(pod.Containers) != 1 || len(pod.Volumes) != 1 {
			t.Fatalf("Job %s: want restartPolicy Never, one container and one volume", name)
		}
		c := pod.Containers[0]
		if len(c.EnvFrom) != 1 || c.EnvFrom[0].ConfigMapRef.Name != "esgtsim-sweep" {
			t.Errorf("Job %s: the container must take its environment from the esgtsim-sweep ConfigMap", name)
		}
		if pod.Volumes[0].PersistentVolumeClaim.ClaimName != "esgtsim-results" {
			t.Errorf("Job %s: the volume must be the esgtsim-results claim", name)
		}
		if len(c.VolumeMounts) != 1 || c.VolumeMounts[0].Name != pod.Volumes[0].Name {
			t.Fatalf("Job %s: the container must mount the results volume", name)
		}
		mount := c.VolumeMounts[0].MountPath
		if !strings.HasPrefix(config["RESULTS"], strings.TrimSuffix(mount, "/")+"/") {
			t.Errorf("Job %s: RESULTS %s is not on the volume mounted at %s", name, config["RESULTS"], mount)
		}
		if ex.mount != "" && mount != ex.mount {
			t.Errorf("the Jobs mount the results volume at %s and %s", ex.mount, mount)
		}
		ex.mount = mount
		if len(c.Command) != 2 || c.Command[0] != "/bin/sh" || c.Command[1] != "-c" || len(c.Args) != 1 {
			t.Fatalf("Job %s: want command [/bin/sh -c] and one script in args, got %q %q", name, c.Command, c.Args)
		}
		if name == "esgtsim-merge" {
			ex.merge = c
			continue
		}
		ex.sweep = c
		switch {
		case spec.CompletionMode != "Indexed":
			t.Errorf("Job %s: completionMode %q, want Indexed", name, spec.CompletionMode)
		case spec.Completions == nil || *spec.Completions != shards:
			t.Errorf("Job %s: completions must be SHARDS = %d", name, shards)
		case spec.Parallelism == nil || *spec.Parallelism != shards:
			t.Errorf("Job %s: parallelism must be SHARDS = %d", name, shards)
		case spec.PodReplacementPolicy != "Failed":
			t.Errorf("Job %s: podReplacementPolicy %q, want Failed (no two pods on one shard)", name, spec.PodReplacementPolicy)
		}
		failOnUsage := false
		for _, r := range spec.PodFailurePolicy.Rules {
			if r.Action == "FailJob" && r.OnExitCodes != nil && r.OnExitCodes.Operator == "In" && len(r.OnExitCodes.Values) == 1 && r.OnExitCodes.Values[0] == 2 {
				failOnUsage = true
			}
		}
		if !failOnUsage {
			t.Errorf("Job %s: a usage error (exit 2) must fail the Job rather than be retried", name)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return ex
}

func TestKubernetesManifestStructure(t *testing.T) {
	ex := readKubernetesExample(t)
	if !strings.HasPrefix(ex.config["SWEEP_ARGS"], "latency --param") {
		t.Errorf("the ConfigMap's SWEEP_ARGS is not the documented example: %q", ex.config["SWEEP_ARGS"])
	}
}

// TestKubernetesCommandsMergeToUnsharded runs the Indexed Job's container
// command once per JOB_COMPLETION_INDEX and then the merge Job's, with
// /bin/sh as the image would, the ConfigMap's environment (a small sweep
// in SWEEP_ARGS) and a temporary directory for the volume, and checks the
// merged file against the same sweep unsharded.
func TestKubernetesCommandsMergeToUnsharded(t *testing.T) {
	if testing.Short() {
		t.Skip("runs esgtsim processes")
	}
	ex := readKubernetesExample(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	volume := filepath.Join(dir, "volume")
	os.Mkdir(bin, 0o755)
	// esgtsim on PATH is this test binary running main.
	wrapper := fmt.Sprintf("#!/bin/sh\nESGTSIM_TEST_MAIN=1 exec %q \"$@\"\n", os.Args[0])
	if err := os.WriteFile(filepath.Join(bin, "esgtsim"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	sweepArgs := "latency --param triggers.refractory_period=10ms:50ms:10ms --param fabric.nodes=16,24 --seeds 1..3"
	results := volume + strings.TrimPrefix(ex.config["RESULTS"], ex.mount)
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"SHARDS="+ex.config["SHARDS"], "RESULTS="+results, "SWEEP_ARGS="+sweepArgs)
	run := func(c k8sContainer, extra ...string) {
		t.Helper()
		cmd := exec.Command(c.Command[0], append(c.Command[1:], c.Args...)...)
		cmd.Env = append(env, extra...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s container %v: %v\n%s", c.Name, extra, err, out)
		}
	}
	shards, _ := strconv.Atoi(ex.config["SHARDS"])
	for i := range shards {
		run(ex.sweep, fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i))
	}
	run(ex.merge)

	want, stderr, code := runCLI(t, append([]string{"sweep"}, strings.Fields(sweepArgs)...)...)
	if code != 0 {
		t.Fatalf("unsharded sweep: exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(filepath.Join(results, "sweep.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("merged output of %d pods differs from the unsharded sweep:\n%s\nwant:\n%s", shards, got, want)
	}
}
