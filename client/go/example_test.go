package lede_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	lede "github.com/lede-project/lede/client/go"
)

// Parse a page through a running server.
func Example() {
	ctx := context.Background()
	client, err := lede.Dial(ctx, serverAddress)
	if err != nil {
		panic(err)
	}
	defer client.Close()
	page, _ := os.ReadFile(filepath.Join(seedsDir, "001_273696c2cfa1a6c5.txt"))
	article, err := client.Parse(ctx, page, lede.WithURL("https://example.com/a"))
	if err != nil {
		panic(err)
	}
	fmt.Println(article.GetTitle())
	fmt.Println(article.GetAuthors())
	// Output:
	// 刚刚，海康威视回应_美严厉制裁威胁_
	// [ZAKER]
}
