package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// server is the lede-server child process under load.
type server struct {
	cmd     *exec.Cmd
	address string
}

// servingPort is the port lede-server's start-up line names ("(port N,").
var servingPort = regexp.MustCompile(`\(port (\d+),`)

// startServer runs bin on a loopback port the kernel picks, with `threads`
// workers, pinned to cpus (a taskset list; "" leaves it unpinned), and
// waits until it answers SERVING, or until deadline.
func startServer(bin string, threads int, cpus string, extra []string, deadline time.Duration) (*server, error) {
	args := append([]string{bin, "--address=127.0.0.1:0", "--http_address=",
		fmt.Sprintf("--threads=%d", threads)}, extra...)
	if cpus != "" {
		args = append([]string{"taskset", "-c", cpus}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &server{cmd: cmd}
	ports := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			if m := servingPort.FindStringSubmatch(lines.Text()); m != nil {
				ports <- m[1]
				break
			}
		}
		close(ports)
		_, _ = io.Copy(io.Discard, stderr) // the pipe must not fill
	}()
	timer := time.NewTimer(deadline)
	defer timer.Stop()
	select {
	case port, ok := <-ports:
		if !ok {
			s.stop()
			return nil, fmt.Errorf("%s exited before it said its port", bin)
		}
		s.address = "127.0.0.1:" + port
	case <-timer.C:
		s.stop()
		return nil, fmt.Errorf("%s did not say its port within %s", bin, deadline)
	}
	if err := s.waitServing(deadline); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

func (s *server) waitServing(deadline time.Duration) error {
	conn, err := grpc.NewClient(s.address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	health := healthpb.NewHealthClient(conn)
	for {
		reply, err := health.Check(ctx, &healthpb.HealthCheckRequest{})
		if err == nil && reply.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("lede-server at %s never said SERVING: %v", s.address, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// stop asks the server to drain (SIGTERM) and waits for it, killing it
// after 30 s.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// procStatus is what /proc/PID/status says of memory and threads.
type procStatus struct {
	RSSKiB  int64 `json:"rss_kib"`
	PeakKiB int64 `json:"peak_rss_kib"`
	Threads int64 `json:"threads"`
}

func readStatus(pid int) (procStatus, error) {
	text, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return procStatus{}, err
	}
	var st procStatus
	for _, line := range strings.Split(string(text), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		value, _ := strconv.ParseInt(fields[1], 10, 64)
		switch fields[0] {
		case "VmRSS:":
			st.RSSKiB = value
		case "VmHWM:":
			st.PeakKiB = value
		case "Threads:":
			st.Threads = value
		}
	}
	return st, nil
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's CPU times: 100 on
// every Linux architecture Go runs on.
const clockTicks = 100

// usage is what /proc/PID/stat (or a task's stat) says a process or thread
// has used so far.
type usage struct {
	name        string  // the command name (a thread's name, for a task)
	cpu         float64 // user and system CPU seconds
	system      float64 // the system part
	minorFaults int64   // pages first touched (no I/O)
}

// cpuUsage is process pid's usage so far, all its threads together.
func cpuUsage(pid int) (usage, error) {
	return readStat(fmt.Sprintf("/proc/%d/stat", pid))
}

// readStat reads a /proc stat file.
func readStat(path string) (usage, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return usage{}, err
	}
	// The command name, in parentheses, may hold spaces: count from after it.
	all := string(text)
	open, end := strings.IndexByte(all, '('), strings.LastIndexByte(all, ')')
	if open < 0 || end < open || end+2 > len(all) {
		return usage{}, fmt.Errorf("%s: no command name", path)
	}
	fields := strings.Fields(all[end+2:])
	// minflt, utime and stime are fields 10, 14 and 15 of stat, 8, 12 and
	// 13 after the name.
	if len(fields) < 13 {
		return usage{}, fmt.Errorf("%s: too few fields", path)
	}
	user, _ := strconv.ParseFloat(fields[11], 64)
	system, _ := strconv.ParseFloat(fields[12], 64)
	faults, _ := strconv.ParseInt(fields[7], 10, 64)
	return usage{name: all[open+1 : end], cpu: (user + system) / clockTicks,
		system: system / clockTicks, minorFaults: faults}, nil
}

// otherThreadsCPU is the CPU time so far of the threads of process pid that
// have a name of their own: gRPC's (pollers, executors, timers). lede's
// worker threads and the main thread keep the process's name.
func otherThreadsCPU(pid int) float64 {
	process, err := readStat(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/stat", pid))
	var total float64
	for _, task := range tasks {
		if thread, err := readStat(task); err == nil && thread.name != process.name {
			total += thread.cpu
		}
	}
	return total
}

// ownCPUSeconds is this process's user and system CPU time so far.
func ownCPUSeconds() float64 {
	var usage syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	return float64(usage.Utime.Sec+usage.Stime.Sec) + float64(usage.Utime.Usec+usage.Stime.Usec)/1e6
}
