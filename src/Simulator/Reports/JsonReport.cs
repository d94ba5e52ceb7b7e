namespace KubeLint.Simulator.Reports;

/// <summary>
/// The stable JSON form of a simulation (documented in the README): pods, claims, rollouts and nodes, in the
/// simulation's order, then admission, preemptions, failed Jobs and the autoscaled pool. Fields are never removed
/// or renamed; node and volume are null when not placed or bound. A group of identical pods that met one fate is
/// listed pod by pod up to <see cref="ListedPodsPerGroup"/> pods, beyond that as one entry whose count says how
/// many pods it stands for, so the report stays proportional to the manifests.
/// </summary>
public static class JsonReport
{
    public const long ListedPodsPerGroup = 1000;

    public static string Render(SimulationResult result)
    {
        var json = new JsonWriter();
        json.StartObject();
        json.Property("kubernetesVersion", result.KubernetesVersion);
        json.Property("defaultCluster", result.DefaultCluster);
        json.Name("pods");
        json.StartArray();
        foreach (var pod in result.Pods)
        {
            if (pod.Count > 1 && pod.Count <= ListedPodsPerGroup && pod.NameAt is { } nameAt)
            {
                for (var i = 0; i < pod.Count; i++)
                {
                    Pod(json, pod, nameAt(i), 1);
                }
            }
            else
            {
                Pod(json, pod, pod.Name, pod.Count);
            }
        }

        json.EndArray();
        json.Name("claims");
        json.StartArray();
        foreach (var claim in result.Claims)
        {
            json.StartObject();
            json.Property("namespace", claim.Namespace);
            json.Property("name", claim.Name);
            json.Property("volume", claim.Volume);
            json.Property("phase", claim.Phase);
            json.Property("reason", claim.Reason);
            json.Property("count", claim.Count);
            Strings(json, "ties", claim.Ties);
            json.EndObject();
        }

        json.EndArray();
        json.Name("rollouts");
        json.StartArray();
        foreach (var rollout in result.Rollouts)
        {
            json.StartObject();
            json.Property("namespace", rollout.Namespace);
            json.Property("name", rollout.Name);
            json.Property("kind", rollout.Kind);
            json.Property("strategy", rollout.Strategy);
            json.Name("steps");
            json.StartArray();
            foreach (var step in rollout.Steps)
            {
                json.StartObject();
                json.Property("old", step.Old);
                json.Property("new", step.New);
                json.Property("available", step.Available);
                json.Property("action", step.Action);
                json.EndObject();
            }

            json.EndArray();
            json.Property("completes", rollout.Completes);
            json.Property("reason", rollout.Reason);
            json.Name("downtimeStep");
            if (rollout.DowntimeStep is { } step1)
            {
                json.Value(step1);
            }
            else
            {
                json.Value((string?)null);
            }

            json.EndObject();
        }

        json.EndArray();
        json.Name("nodes");
        json.StartArray();
        foreach (var node in result.Nodes)
        {
            json.StartObject();
            json.Property("name", node.Name);
            json.Property("cpuRequestedMillis", node.MilliCpuRequested);
            json.Property("cpuAllocatableMillis", node.MilliCpuAllocatable);
            json.Property("memoryRequestedBytes", node.MemoryRequested);
            json.Property("memoryAllocatableBytes", node.MemoryAllocatable);
            json.Property("pods", node.Pods);
            json.Property("podsAllocatable", node.PodsAllocatable);
            json.EndObject();
        }

        json.EndArray();
        json.Name("admission");
        json.StartArray();
        foreach (var admission in result.Admission)
        {
            json.StartObject();
            json.Property("object", admission.Object);
            json.Property("outcome", admission.Outcome);
            json.Property("message", admission.Message);
            json.EndObject();
        }

        json.EndArray();
        json.Name("preempted");
        json.StartArray();
        foreach (var preempted in result.Preempted)
        {
            json.StartObject();
            json.Property("namespace", preempted.Namespace);
            json.Property("name", preempted.Name);
            json.Property("workload", preempted.Workload);
            json.Property("by", preempted.By);
            json.Property("node", preempted.Node);
            json.EndObject();
        }

        json.EndArray();
        json.Name("services");
        json.StartArray();
        foreach (var service in result.Services)
        {
            json.StartObject();
            json.Property("namespace", service.Namespace);
            json.Property("name", service.Name);
            json.Property("readyEndpoints", service.Ready);
            json.Name("backends");
            json.StartArray();
            foreach (var backend in service.Backends)
            {
                json.StartObject();
                json.Property("workload", backend.Workload);
                json.Property("ready", backend.Ready);
                json.Property("pods", backend.Pods);
                json.Property("sharePercent", backend.ShareOf(service.Ready));
                json.EndObject();
            }

            json.EndArray();
            json.Name("ports");
            json.StartArray();
            foreach (var port in service.Ports)
            {
                json.StartObject();
                json.Property("name", port.Name);
                json.Property("port", port.Port);
                json.Property("protocol", port.Protocol);
                json.Property("targetPort", port.TargetPort);
                json.Name("resolved");
                json.StartArray();
                foreach (var (workload, to) in port.Resolved)
                {
                    json.StartObject();
                    json.Property("workload", workload);
                    json.Name("containerPort");
                    if (to is { } number)
                    {
                        json.Value(number);
                    }
                    else
                    {
                        json.Value((string?)null);
                    }

                    json.EndObject();
                }

                json.EndArray();
                json.EndObject();
            }

            json.EndArray();
            json.Property("switchGap", service.SwitchGap);
            json.EndObject();
        }

        json.EndArray();
        json.Name("failedJobs");
        json.StartArray();
        foreach (var job in result.FailedJobs)
        {
            json.StartObject();
            json.Property("namespace", job.Namespace);
            json.Property("name", job.Name);
            json.Property("reason", job.Reason);
            json.EndObject();
        }

        json.EndArray();
        json.Name("autoscaling");
        if (result.Autoscaling is { } autoscaling)
        {
            json.StartObject();
            json.Property("workerShape", autoscaling.WorkerShape);
            json.Property("initialWorkers", autoscaling.InitialWorkers);
            json.Property("workersNeeded", autoscaling.Workers);
            json.Property("maxWorkers", autoscaling.MaxWorkers);
            json.EndObject();
        }
        else
        {
            json.Value((string?)null);
        }

        json.EndObject();
        return json + "\n";
    }

    private static void Pod(JsonWriter json, PodResult pod, string name, long count)
    {
        json.StartObject();
        json.Property("namespace", pod.Namespace);
        json.Property("name", name);
        json.Property("workload", pod.Workload);
        json.Property("node", pod.Node);
        json.Property("reason", pod.Reason);
        Strings(json, "ties", pod.Ties);
        json.Property("tieCount", pod.TieCount);
        json.Property("count", count);
        json.Property("admission", pod.Admission);
        json.EndObject();
    }

    private static void Strings(JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.Name(name);
        json.StartArray();
        foreach (var value in values)
        {
            json.Value(value);
        }

        json.EndArray();
    }
}
