#!/usr/bin/env python3
"""Throughput (MiB/s, one TCP stream to a sink) and round-trip latency (64-byte ping-pong to an echo) of host:port."""
import socket, sys, time

def throughput(host, port, mib):
    block = b"x" * (1 << 20)
    with socket.create_connection((host, port)) as s:
        start = time.perf_counter()
        for _ in range(mib):
            s.sendall(block)
        s.shutdown(socket.SHUT_WR)
        s.recv(1)  # the sink closes after reading everything
        return mib / (time.perf_counter() - start)

def latency(host, port, rounds):
    with socket.create_connection((host, port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        msg = b"p" * 64
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            s.sendall(msg)
            got = 0
            while got < len(msg):
                got += len(s.recv(len(msg) - got))
            times.append((time.perf_counter() - start) * 1e6)
        times.sort()
        return times[len(times) // 2], times[int(len(times) * 0.99)]

if __name__ == "__main__":
    label, host, sink, echo, mib, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    latency(host, echo, 200)  # warm-up: TLS handshake, caches
    rate = throughput(host, sink, mib)
    p50, p99 = latency(host, echo, rounds)
    print(f"{label:8s} throughput {rate:8.1f} MiB/s   latency p50 {p50:7.1f} us   p99 {p99:7.1f} us")
