"""The whole reference experiment (`./dtc reproduce`, default options) in PyTorch: the peer that
`bench/peers/whole-run` times in alternation with ours.

The same work as ours: MNIST in file order, 784-512-10 without bias from Xavier-normal weights
(torch generator seeded 42424242), log-softmax over the batch axis before the cross-entropy (the
author's quirk, see docs/reference-behaviour.md), a fresh Adam (lr 1e-3) and 200 batches of 512
per cycle, the test set scored after each prune in batches of 512; three strategies (dtc, random,
magnitude) from one shared first cycle, pruned to the same sizes until 10 or fewer neurons
remain. DTC's scores solve ||Theta s - y||^2 + 0.3 ||s||_1 exactly by LARS (scikit-learn's
LassoLars, our homotopy's algorithm) with Phi from numpy's RandomState(42424242) and the
orthonormal DCT-I as Psi; each cycle's Gibbs entropies of y1 and y2 are computed too. Figures and
reports are not drawn (ours draws them in well under a second).

Run with Debian's python3 (python3-torch, python3-scipy, python3-sklearn), e.g.
    python3 bench/peers/reproduce.py ../shared/data/mnist [threads [seeds]]
With K seeds it repeats the experiment for seeds 42424242 .. 42424242 + K - 1, as `dtc reproduce
--seeds K` does. It prints each run's final hidden size and accuracy, and the wall time.
"""
import gzip
import sys
import time

import numpy as np
import torch
from scipy.fft import dct
from sklearn.linear_model import LassoLars

SEED = 42424242
BATCH = 512
BATCHES_PER_CYCLE = 200
LAMBDA = 0.3
REMOVE = 0.1


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(folder, split):
    images = idx("%s/%s-images-idx3-ubyte.gz" % (folder, split), 16).reshape(-1, 784)
    labels = idx("%s/%s-labels-idx1-ubyte.gz" % (folder, split), 8)
    x = (images.astype(np.float32) / 255.0 - 0.1307) / 0.3081
    return torch.from_numpy(x.astype(np.float32)), torch.from_numpy(labels.astype(np.int64))


def batches(x, y):
    return [(x[i:i + BATCH], y[i:i + BATCH]) for i in range(0, len(x), BATCH)]


def network(seed):
    # Xavier normal (gain 1) is normal_(0, sqrt(2 / (fan_in + fan_out))), layer 1 drawn first.
    generator = torch.Generator().manual_seed(seed)
    w1 = torch.empty(512, 784).normal_(0, (2 / 1296) ** 0.5, generator=generator)
    w2 = torch.empty(10, 512).normal_(0, (2 / 522) ** 0.5, generator=generator)
    return sequential(w1, w2)


def sequential(w1, w2):
    net = torch.nn.Sequential(torch.nn.Linear(w1.shape[1], w1.shape[0], bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(w2.shape[1], w2.shape[0], bias=False))
    with torch.no_grad():
        net[0].weight.copy_(w1)
        net[2].weight.copy_(w2)
    return net


def loss_of(net, x, y):
    return torch.nn.functional.cross_entropy(torch.log_softmax(net(x), dim=0), y)


def train_cycle(net, train):
    adam = torch.optim.Adam(net.parameters(), lr=1e-3)
    for step in range(BATCHES_PER_CYCLE):
        x, y = train[step % len(train)]
        adam.zero_grad()
        loss_of(net, x, y).backward()
        adam.step()


def accuracy(net, test):
    with torch.no_grad():
        return float(np.mean([(torch.log_softmax(net(x), dim=0).argmax(1) == y).float().mean().item()
                              for x, y in test]))


def kept_count(m):
    # Distinct scores strictly below numpy's 0.9-quantile, as the reference preset keeps them.
    return int(np.sum(np.arange(m) < np.quantile(np.arange(m), 1 - REMOVE)))


def gibbs(values):
    counts, _ = np.histogram(values, bins=np.arange(-50, 50, 0.2))
    p = counts / max(counts.sum(), 1)
    return -np.sum(p * np.log(p + 1e-10))


def lasso(theta, y):
    n = theta.shape[0]
    # scikit-learn minimises (1 / 2n) ||y - X w||^2 + alpha ||w||_1: alpha = lambda / 2n.
    return LassoLars(alpha=LAMBDA / (2 * n), fit_intercept=False).fit(theta, y).coef_


def scores(strategy, w1, w2, seed):
    a1 = w1.sum(dim=1).double().numpy()
    a2 = w2.sum(dim=0).double().numpy()
    m = len(a1)
    if strategy == "magnitude":
        return np.abs(a1 + a2)
    n = max(1, int(m * (1.0 - 0.9)))
    phi = np.random.RandomState(seed).standard_normal((n, m))
    theta = phi @ dct(np.eye(m), type=1, norm="ortho", axis=0)
    y1, y2 = phi @ a1, phi @ a2
    gibbs(y1), gibbs(y2)
    return np.abs(lasso(theta, y1) + lasso(theta, y2))


def prune(strategy, net, seed):
    w1, w2 = net[0].weight.detach(), net[2].weight.detach()
    m = w1.shape[0]
    k = kept_count(m)
    if strategy == "random":
        keep = np.random.RandomState(seed).choice(m, k, replace=False)
    else:
        keep = np.argsort(scores(strategy, w1, w2, seed), kind="stable")[:k]
    keep = torch.from_numpy(np.asarray(keep, dtype=np.int64))
    return sequential(w1[keep], w2[:, keep])


def run(strategy, seed, first, train, test):
    net = sequential(first[0].weight.detach(), first[2].weight.detach())
    trained = False
    while True:
        if trained:
            train_cycle(net, train)
        trained = True
        net = prune(strategy, net, seed)
        acc = accuracy(net, test)
        if net[0].weight.shape[0] <= 10:
            return net[0].weight.shape[0], acc


def main():
    folder = sys.argv[1]
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    seeds = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    start = time.perf_counter()
    train = batches(*load(folder, "train"))
    test = batches(*load(folder, "t10k"))
    for seed in range(SEED, SEED + seeds):
        first = network(seed)
        train_cycle(first, train)
        for strategy in ("dtc", "random", "magnitude"):
            hidden, acc = run(strategy, seed, first, train, test)
            print("%s seed %d: hidden %d, accuracy %.4f" % (strategy, seed, hidden, acc))
    print("seconds %.2f" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
