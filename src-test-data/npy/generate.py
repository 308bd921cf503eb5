#!/usr/bin/python3
"""Small .npy files written by numpy, for core's NpyTest.

Run with Debian's own python3 and python3-numpy, from this folder:
    /usr/bin/python3 generate.py
"""
import numpy as np

m = np.arange(6, dtype=np.float64).reshape(2, 3) / 7.0 - 0.25
np.save("f8_2x3.npy", m)
np.save("f4_5.npy", (np.arange(5, dtype=np.float32) - 2.5) / 3)
np.save("f8_big_endian_2x3.npy", m.astype(">f8"))
np.save("f8_fortran_2x3.npy", np.asfortranarray(m))
np.save("i4_3.npy", np.arange(3, dtype=np.int32))
np.lib.format.write_array(open("f8_v2_2x3.npy", "wb"), m, version=(2, 0))
