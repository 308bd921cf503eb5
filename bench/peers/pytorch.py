"""Times PyTorch on the workloads of TrainStepBenchmark and InferenceBenchmark.

Run with Debian's python3 and python3-torch (1.13), two threads; `compare` beside this file
sets the environment the README calls tuned and puts these figures next to ours. Prints one
line per workload: its name, then the median and the fastest of the timed calls in ms.

`pytorch.py 1 cycle` times CycleBenchmark's workload instead, on one thread as each of
reproduce's runs trains: 200 steps of 784-H-10 from a fresh Adam, the loss over the batch axis.
"""
import sys
import time

import torch

REPEATS = 40
WARM_UP = 10


def median_and_min(call):
    for _ in range(WARM_UP):
        call()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2] * 1e3, times[0] * 1e3


def train_step(hidden):
    """784-H-10 without bias at batch 512: forward, cross-entropy, backward, Adam."""
    net = torch.nn.Sequential(torch.nn.Linear(784, hidden, bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(hidden, 10, bias=False))
    adam = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.randn(512, 784)
    y = torch.randint(0, 10, (512,))

    def step():
        adam.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        adam.step()
    return step


def cycle(hidden):
    """One reference cycle: 200 batches of 512 from 20 (file order), fresh Adam, batch-axis log-softmax."""
    net = torch.nn.Sequential(torch.nn.Linear(784, hidden, bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(hidden, 10, bias=False))
    xs = torch.randn(20, 512, 784)
    ys = torch.randint(0, 10, (20, 512))

    def train():
        adam = torch.optim.Adam(net.parameters(), lr=1e-3)
        for step in range(200):
            adam.zero_grad()
            out = torch.log_softmax(net(xs[step % 20]), dim=0)
            torch.nn.functional.cross_entropy(out, ys[step % 20]).backward()
            adam.step()
    return train


def inference():
    """784-512-10 with bias over 10,000 samples in one batch: logits, mean loss, accuracy."""
    net = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
    x = torch.randn(10000, 784)
    y = torch.randint(0, 10, (10000,))

    def infer():
        with torch.no_grad():
            out = net(x)
            torch.nn.functional.cross_entropy(out, y)
            (out.argmax(1) == y).float().mean()
    return infer


def main():
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    torch.manual_seed(0)
    if sys.argv[2:] == ["cycle"]:
        global REPEATS, WARM_UP
        REPEATS, WARM_UP = 10, 3
        for hidden in (460, 100, 28, 11):
            print("cycle-%d %.3f %.3f" % ((hidden,) + median_and_min(cycle(hidden))))
        return
    for hidden in (512, 256, 64):
        print("step-%d %.3f %.3f" % ((hidden,) + median_and_min(train_step(hidden))))
    print("infer %.3f %.3f" % median_and_min(inference()))


if __name__ == "__main__":
    main()
