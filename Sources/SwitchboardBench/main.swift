print("SwitchboardBench: no scenarios yet")
