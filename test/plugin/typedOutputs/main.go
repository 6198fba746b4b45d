// A Go program of the generated SDK (test/plugin/typedSdk.test.ts): it reads the role group id of a user flow's
// first configuration from the outputs, typed by the package schema's output types. `go vet` type-checks it.
package main

import (
	"github.com/pulumi-industrydata/pulumi-industrydata/sdk/go/industrydata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		users, err := industrydata.NewUserProvisioningFlow(ctx, "users", &industrydata.UserProvisioningFlowArgs{
			FlowSetId: pulumi.String("set"),
			ManagementOptions: &industrydata.UserManagementOptionsArgs{
				AdditionalOptions: &industrydata.AdditionalUserOptionsArgs{StudentAgeGroup: industrydata.StudentAgeGroupMinor},
			},
		})
		if err != nil {
			return err
		}
		var roleGroupID pulumi.StringOutput = users.CreationOptions.Configurations().Index(pulumi.Int(0)).RoleGroupId()
		var skus pulumi.StringArrayOutput = users.CreationOptions.Configurations().Index(pulumi.Int(0)).LicenseSkus()
		ctx.Export("firstRoleGroupId", roleGroupID)
		ctx.Export("firstLicenseSkus", skus)
		return nil
	})
}
