print("densho")
