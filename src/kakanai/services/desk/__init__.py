"""The linked desk's scan as a use case: the opened case, its summary, rejections."""
