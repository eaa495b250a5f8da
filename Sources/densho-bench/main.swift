print("densho-bench: not implemented yet")
